import ArgumentParser
import Foundation
import SpikeLSP
import SpikeLang

/// `spike lsp`: the Spike language server over stdio (docs/architecture.md §3). Moves bytes
/// between the pipes and `LanguageServer`, and performs its actions; logs go to stderr.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serves the Language Server Protocol on stdin/stdout, for editors (Neovim, jupyterlab-lsp, …)."
    )

    func run() throws {
        // The read loop runs on a thread with the stack the parser and checker need for
        // deeply nested code; it ends the process itself when the server says to exit.
        let thread = Thread { Foundation.exit(LSPCommand.serve()) }
        thread.stackSize = Session.evaluationStackSize
        thread.start()
        while true { sleep(3600) }
    }

    private static func serve() -> Int32 {
        var server = LanguageServer()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            let actions = count <= 0 ? server.endOfInput() : server.receive(Data(buffer[0..<count]))
            for action in actions {
                switch action {
                case .send(let bytes): FileHandle.standardOutput.write(bytes)
                case .log(let line): FileHandle.standardError.write(Data((line + "\n").utf8))
                case .exit(let status): return status
                }
            }
        }
    }
}
