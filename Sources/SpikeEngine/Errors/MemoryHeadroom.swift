import Foundation

/// How many more bytes this process can allocate before a limit stops it: the tightest of the
/// cgroup's memory limit less its usage (v2 `memory.max` − `memory.current`, v1
/// `memory.limit_in_bytes` − `memory.usage_in_bytes`, for the process's group and each group
/// above it), the address-space limit less the process's virtual size (`RLIMIT_AS` −
/// `/proc/self/statm`), and the memory the system has available (`MemAvailable`, else the
/// physical memory).
///
/// Past a cgroup limit the kernel's OOM killer ends the process without a message; past
/// `RLIMIT_AS` an allocation fails and Swift aborts. Checking a request against this headroom
/// before allocating turns both into a `ResourceError`. What the session already holds is
/// counted, because usage and virtual size include it. The sources are injected so that
/// tests can describe any machine:
///
///     let container = MemoryHeadroom(readFile: { path in
///         ["/proc/self/cgroup": "0::/\n", "/sys/fs/cgroup/memory.max": "3221225472\n",
///          "/sys/fs/cgroup/memory.current": "1073741824\n"][path]
///     }, addressSpaceLimit: { nil }, physicalMemory: 16 << 30)
///     container.bytesFree()   // 2147483648 (3 GiB limit − 1 GiB used)
///
/// Cost: reads a handful of small /proc and /sys files (tens of microseconds).
public struct MemoryHeadroom: Sendable {
    /// The text of a /proc or /sys file, nil when it cannot be read.
    let readFile: @Sendable (String) -> String?
    /// The soft `RLIMIT_AS` in bytes, nil when unlimited.
    let addressSpaceLimit: @Sendable () -> Int?
    /// Bytes of physical memory (the fallback when `/proc/meminfo` is missing).
    let physicalMemory: Int

    public init(
        readFile: @escaping @Sendable (String) -> String?, addressSpaceLimit: @escaping @Sendable () -> Int?,
        physicalMemory: Int
    ) {
        self.readFile = readFile
        self.addressSpaceLimit = addressSpaceLimit
        self.physicalMemory = physicalMemory
    }

    /// This process on this machine.
    public static let system = MemoryHeadroom(
        readFile: { path in try? String(contentsOfFile: path, encoding: .utf8) },
        addressSpaceLimit: {
            var limit = rlimit()
            // RLIM_INFINITY is all ones, beyond `Int.max`.
            guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur <= UInt64(Int.max) else { return nil }
            return Int(limit.rlim_cur)
        },
        physicalMemory: Int(clamping: ProcessInfo.processInfo.physicalMemory))

    /// The bytes that may still be allocated: the smallest headroom any limit leaves (≥ 0).
    public func bytesFree() -> Int {
        var free = systemAvailable()
        if let cgroup = cgroupHeadroom() { free = min(free, cgroup) }
        if let limit = addressSpaceLimit() { free = min(free, limit - virtualSize()) }
        return max(0, free)
    }

    /// `MemAvailable` from /proc/meminfo, else the physical memory.
    func systemAvailable() -> Int {
        guard let text = readFile("/proc/meminfo"),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
            let kibibytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return physicalMemory }
        return kibibytes * 1024
    }

    /// The process's virtual size in bytes (first field of /proc/self/statm, in pages).
    func virtualSize() -> Int {
        guard let pages = readFile("/proc/self/statm")?.split(separator: " ").first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The least (limit − usage) over the process's memory cgroup and its ancestors; nil when
    /// no group sets a limit or none can be read.
    func cgroupHeadroom() -> Int? {
        guard let membership = readFile("/proc/self/cgroup"), let mounts = readFile("/proc/self/mountinfo") else { return nil }
        var tightest: Int?
        for group in CgroupMemoryFiles.groups(membership: membership, mountInfo: mounts) {
            guard let limit = readFile(group.limitPath).flatMap(CgroupMemoryFiles.bytes),
                let usage = readFile(group.usagePath).flatMap(CgroupMemoryFiles.bytes)
            else { continue }
            tightest = min(tightest ?? Int.max, limit - usage)
        }
        return tightest
    }
}
