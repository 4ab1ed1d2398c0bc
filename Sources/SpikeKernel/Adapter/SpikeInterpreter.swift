import Foundation
import JupyterKernel
import JupyterWire
import SpikeEngine
import SpikeLang

/// The Spike language served as a Jupyter `Interpreter`: the one place that sees both the
/// kernel's protocol types and the language's session.
///
/// Each request is translated, handed to the `Session`, and its answer translated back:
/// renderings become MIME bundles, failures become `error` contents, `%help` pages become
/// `page` payloads. The session keeps the user's bindings across cells and across failures.
public final class SpikeInterpreter: Interpreter {
    private let session: Session

    /// `docs` says where `help_links` point (``DocsLinks``; none but the paper's code by default).
    public init(session: Session = Session(), docs: DocsLinks = DocsLinks(base: nil)) {
        self.session = session
        self.info = Self.info(helpLinks: docs.helpLinks)
    }

    /// A shell thread with the session's evaluation stack runs cells in place, with no hand-off.
    public var callerStackSize: Int { Session.evaluationStackSize }

    public let info: KernelInfo

    private static func info(helpLinks: [HelpLink]) -> KernelInfo {
        KernelInfo(
            implementation: "spike",
            implementationVersion: SpikeEngine.version,
            languageInfo: LanguageInfo(
                name: "spike", version: SpikeLang.version, mimetype: "text/x-spike", fileExtension: ".spk",
                pygmentsLexer: "spike", codemirrorMode: "python", nbconvertExporter: "script"
            ),
            banner: """
                Spike \(SpikeEngine.version) — spiking neural networks and CPG positional encodings.
                Try: simulate(lif(tau=2), input=1.2, steps=12)   ·   help(cpg)   ·   %help encode
                """,
            helpLinks: helpLinks
        )
    }

    public func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecutionOutcome {
        let outcome = session.run(request.code, output: ContextSink(context))
        if let failure = outcome.failure { return .failure(ErrorContent(failure)) }
        return .success(
            result: outcome.result.map(MimeBundle.init(rendering:)),
            payloads: outcome.pages.map { .page(text: $0) }
        )
    }

    public func evaluate(_ expression: String) -> ExpressionOutcome {
        switch session.evaluate(expression: expression) {
        case .success(let rendering): return .value(MimeBundle(rendering: rendering))
        case .failure(let failure): return .failure(ErrorContent(failure))
        }
    }

    public func complete(_ code: String, cursor: Int) -> Completion {
        let completion = session.complete(code, cursor: cursor)
        return Completion(
            matches: completion.matches, cursorStart: completion.start, cursorEnd: completion.end,
            details: completion.items.map { Completion.Detail(type: $0.kind.rawValue, signature: $0.signature) })
    }

    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
        session.inspect(code, cursor: cursor).map { MimeBundle(plain: $0) }
    }

    public func isComplete(_ code: String) -> KernelCompleteness {
        switch session.completeness(code) {
        case .complete: return .complete
        case .incomplete(let indent): return .incomplete(indent: indent)
        case .invalid: return .invalid
        }
    }
}

extension MimeBundle {
    /// `text/plain` always, plus `image/svg+xml`, `image/png` (base64, with its display
    /// `width` and `height` in the metadata), `text/html` and `text/markdown` when the value
    /// has them.
    init(rendering: Rendering) {
        var texts = ["text/plain": rendering.plain]
        if let svg = rendering.svg { texts["image/svg+xml"] = svg }
        if let html = rendering.html { texts["text/html"] = html }
        if let markdown = rendering.markdown { texts["text/markdown"] = markdown }
        var data = texts.mapValues(JSONValue.string)
        var metadata: [String: JSONValue] = [:]
        if let png = rendering.png {
            data["image/png"] = .string(Data(png.bytes).base64EncodedString())
            metadata["image/png"] = ["width": .int(png.width), "height": .int(png.height)]
        }
        self.init(data: data, metadata: metadata)
    }
}

extension ErrorContent {
    /// The `ename`/`evalue`/`traceback` of a failed cell, the caret lines included.
    init(_ failure: CellFailure) {
        self.init(name: failure.name, value: failure.message, traceback: failure.traceback)
    }
}
