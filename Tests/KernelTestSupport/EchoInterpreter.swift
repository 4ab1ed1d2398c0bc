import Foundation
import JupyterKernel
import JupyterWire

/// A test interpreter for the runtimes: echoes the code to stdout and returns it as the result;
/// `spin` runs until interrupted; `fail` fails.
public final class EchoInterpreter: Interpreter, Sendable {
    public let started = DispatchSemaphore(value: 0)

    public init() {}

    public var info: KernelInfo {
        KernelInfo(
            implementation: "echo", implementationVersion: "0",
            languageInfo: LanguageInfo(
                name: "echo", version: "0", mimetype: "text/plain", fileExtension: ".txt", pygmentsLexer: "text",
                codemirrorMode: "null"
            ),
            banner: "echo"
        )
    }

    public func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecutionOutcome {
        switch request.code {
        case "spin":
            started.signal()
            while !context.isCancelled { usleep(1000) }
            return .failure(ErrorContent(name: "Interrupted", value: "stopped"))
        case "fail":
            return .failure(ErrorContent(name: "Failure", value: "asked to fail"))
        default:
            context.write(request.code + "\n")
            return .success(result: MimeBundle(plain: request.code))
        }
    }

    public func evaluate(_ expression: String) -> ExpressionOutcome { .value(MimeBundle(plain: expression)) }

    public func complete(_ code: String, cursor: Int) -> Completion {
        Completion(matches: [], cursorStart: cursor, cursorEnd: cursor)
    }

    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? { nil }

    public func isComplete(_ code: String) -> Completeness { .complete }
}
