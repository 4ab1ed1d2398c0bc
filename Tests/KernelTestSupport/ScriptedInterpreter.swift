import Foundation
import JupyterKernel
import JupyterWire
import Synchronization

/// A test interpreter whose cells are commands, one per line:
///
///     print TEXT      → stdout "TEXT\n"        warn TEXT    → stderr "TEXT\n"
///     show TEXT       → display_data            show TEXT as ID / update TEXT as ID
///     clear           → clear_output(wait: false)
///     result TEXT     → execute_result TEXT     count        → result = the execution count
///     fail NAME MSG   → failure                 page TEXT    → a page payload
///     spin            → signals `started`, loops until cancelled, then fails "Interrupted"
///
/// It records what it was asked (cursor positions) so tests can check pass-through.
public final class ScriptedInterpreter: Interpreter, Sendable {
    public let started = DispatchSemaphore(value: 0)
    private let cursors = Mutex([Int]())

    public init() {}

    public var seenCursors: [Int] { cursors.withLock { $0 } }

    public var info: KernelInfo {
        KernelInfo(
            implementation: "scripted", implementationVersion: "1.0",
            languageInfo: LanguageInfo(
                name: "script", version: "1", mimetype: "text/x-script", fileExtension: ".scr",
                pygmentsLexer: "text", codemirrorMode: "null"
            ),
            banner: "scripted test interpreter", helpLinks: [HelpLink(text: "Docs", url: "https://example.org")]
        )
    }

    public func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecutionOutcome {
        var result: MimeBundle?
        var payloads = [Payload]()
        for line in request.code.split(separator: "\n", omittingEmptySubsequences: true) {
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            let command = words[0]
            let rest = words.count > 1 ? words[1] : ""
            switch command {
            case "print": context.write(rest + "\n", to: .stdout)
            case "warn": context.write(rest + "\n", to: .stderr)
            case "show", "update":
                let parts = rest.components(separatedBy: " as ")
                let bundle = MimeBundle(plain: parts[0])
                let id = parts.count > 1 ? parts[1] : nil
                if command == "update", let id {
                    context.updateDisplay(bundle, displayID: id)
                } else {
                    context.display(bundle, displayID: id)
                }
            case "clear": context.clearOutput(wait: false)
            case "result": result = MimeBundle(plain: rest)
            case "count": result = MimeBundle(plain: String(context.executionCount))
            case "page": payloads.append(.page(text: rest))
            case "fail":
                let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
                return .failure(
                    ErrorContent(name: parts[0], value: parts.count > 1 ? parts[1] : "", traceback: ["line 1"]))
            case "spin":
                started.signal()
                while !context.isCancelled { usleep(1000) }
                return .failure(ErrorContent(name: "Interrupted", value: "interrupted by the user"))
            default:
                return .failure(ErrorContent(name: "UnknownCommand", value: command))
            }
        }
        return .success(result: result, payloads: payloads)
    }

    public func evaluate(_ expression: String) -> ExpressionOutcome {
        expression == "boom"
            ? .failure(ErrorContent(name: "NameError", value: "boom is not defined"))
            : .value(MimeBundle(plain: expression.uppercased()))
    }

    public func complete(_ code: String, cursor: Int) -> Completion {
        cursors.withLock { $0.append(cursor) }
        return Completion(matches: ["alpha", "alphabet"], cursorStart: max(cursor - 2, 0), cursorEnd: cursor)
    }

    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
        cursors.withLock { $0.append(cursor) }
        return code.hasPrefix("known") ? MimeBundle(plain: "known: detail \(detailLevel)") : nil
    }

    public func isComplete(_ code: String) -> Completeness {
        if code.hasSuffix(":") { return .incomplete(indent: "    ") }
        if code.hasPrefix("!") { return .invalid }
        return .complete
    }
}
