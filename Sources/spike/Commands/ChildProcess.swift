import Foundation
import Synchronization

/// A process a sweep started: in its own process group (so a terminal's Ctrl-C reaches only the
/// sweep, which decides what its children get), stdin from /dev/null, stdout and stderr into one
/// log file, SIGINT and SIGTERM at their default actions whatever the sweep does with them.
struct ChildProcess {
    let pid: pid_t

    /// Why a child could not be started: the system's reason.
    struct SpawnFailure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "cannot start a run: \(String(cString: strerror(code)))" }
    }

    /// Starts `executable` with `arguments` (argv[1…]); its output goes to the file at `log`.
    static func spawn(executable: String, arguments: [String], log: String) throws(SpawnFailure) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + environment { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, environment)
        guard code == 0 else { throw SpawnFailure(code: code) }
        return ChildProcess(pid: pid)
    }

    /// Sends `signal` to the child's process group.
    func send(_ signal: Int32) {
        kill(-pid, signal)
    }

    /// How a child ended, from a `waitpid` status.
    enum Exit: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        init(waitStatus status: Int32) {
            self = status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        }

        var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signaled(let signal): return "killed by signal \(signal) (\(String(cString: strsignal(signal))))"
            }
        }
    }

    /// A child that has ended, if any, without waiting.
    static func reap() -> (pid: pid_t, exit: Exit)? {
        var status: Int32 = 0
        let pid = waitpid(-1, &status, WNOHANG)
        guard pid > 0 else { return nil }
        return (pid, Exit(waitStatus: status))
    }
}

/// The signal (SIGINT or SIGTERM) that asked the sweep to stop, 0 until one arrives. A C signal
/// handler cannot capture context, so it reaches the flag through this constant.
let sweepStopSignal = Atomic<Int32>(0)

/// Turns SIGINT and SIGTERM into a request to stop the sweep instead of process death.
enum StopSignals {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in sweepStopSignal.store(signal, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    /// The signal received so far, or nil.
    static var received: Int32? {
        let signal = sweepStopSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }
}
