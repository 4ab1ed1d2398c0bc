import Foundation
import JupyterWire
import SpikeLang

/// The Spike language server as a state machine: bytes in, actions out (LSP 3.17 over
/// JSON-RPC 2.0, https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/).
/// The process around it (`spike lsp`) only moves bytes and performs the actions, so every
/// behaviour here is testable without pipes.
///
/// Lifecycle: requests before `initialize` are refused (ServerNotInitialized, -32002);
/// after `shutdown` every request but `exit` is refused (InvalidRequest, -32600); `exit` ends
/// with status 0 after `shutdown`, 1 without. Unknown requests get MethodNotFound (-32601),
/// unknown notifications are ignored, bytes that are not JSON get a ParseError (-32700) and JSON
/// that is not an object (a batch, a number) an InvalidRequest (-32600):
/// no input makes the server stop.
///
/// Documents are checked by `Session.analyze` (parser and checker, no evaluation) on every
/// open and change; their diagnostics are published once per read (see `receive`).
public struct LanguageServer {
    /// What the process must do.
    public enum Action: Equatable {
        /// Write these bytes (a framed message) to stdout.
        case send(Data)
        /// Write this line to stderr.
        case log(String)
        /// Exit with this status.
        case exit(Int32)
    }

    enum Lifecycle: Equatable {
        case uninitialized, running, shutDown
    }

    /// JSON-RPC and LSP error codes.
    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case serverNotInitialized = -32002
    }

    private var reader = FrameReader()
    /// Documents changed by the messages of the current read, whose diagnostics are due.
    private var changed: [String] = []
    private(set) var lifecycle = Lifecycle.uninitialized
    private(set) var encoding = PositionEncoding.utf16
    var documents: [String: TextDocument] = [:]
    /// Knows the library; holds no user bindings (documents are never run).
    let session = Session()

    public init() {}

    /// Takes bytes read from the client; returns what to do, in order.
    ///
    /// Diagnostics are debounced by read: a burst of changes that arrives together (a client
    /// typing faster than the server reads) is checked once, after the last of them.
    public mutating func receive(_ bytes: Data) -> [Action] {
        let actions = reader.append(bytes).flatMap { frame -> [Action] in
            switch frame {
            case .malformedHeader(let header):
                return [.log("spike lsp: ignored a header without a valid Content-Length: \(header.debugDescription)")]
            case .message(let body):
                guard let message = JSONValue(jsonBytes: body) else {
                    return [reply(id: .null, error: .parseError, "the message is not JSON")]
                }
                guard message.objectValue != nil else {
                    return [reply(id: .null, error: .invalidRequest, "a message must be a JSON object")]
                }
                return handle(message)
            }
        }
        let due = changed
        changed = []
        return actions + due.flatMap(publishDiagnostics)
    }

    /// Marks `uri`'s diagnostics as due at the end of the current read.
    private mutating func markChanged(_ uri: String) -> [Action] {
        if !changed.contains(uri) { changed.append(uri) }
        return []
    }

    /// The client closed the input: exit as `exit` would.
    public func endOfInput() -> [Action] {
        [.exit(lifecycle == .shutDown ? 0 : 1)]
    }

    /// One decoded message: a request (with `id`) or a notification.
    mutating func handle(_ message: JSONValue) -> [Action] {
        guard let method = message["method"]?.stringValue else {
            // A response to a request we never send, or junk: answer junk that has an id.
            guard let id = message["id"], message["result"] == nil, message["error"] == nil else { return [] }
            return [reply(id: id, error: .invalidRequest, "a request needs a method")]
        }
        let params = message["params"] ?? .null
        guard let id = message["id"] else {
            return notification(method, params: params)
        }
        switch (lifecycle, method) {
        case (.uninitialized, "initialize"):
            return [reply(id: id, result: initialize(params))]
        case (.uninitialized, _):
            return [reply(id: id, error: .serverNotInitialized, "initialize first")]
        case (.shutDown, _):
            return [reply(id: id, error: .invalidRequest, "the server is shut down")]
        case (.running, "initialize"):
            return [reply(id: id, error: .invalidRequest, "already initialized")]
        case (.running, "shutdown"):
            lifecycle = .shutDown
            return [reply(id: id, result: .null)]
        case (.running, _):
            guard let result = request(method, params: params) else {
                return [reply(id: id, error: .methodNotFound, "unknown method \(method)")]
            }
            return [reply(id: id, result: result)]
        }
    }

    private mutating func notification(_ method: String, params: JSONValue) -> [Action] {
        if method == "exit" { return [.exit(lifecycle == .shutDown ? 0 : 1)] }
        guard lifecycle == .running else { return [] }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
                let text = item["text"]?.stringValue
            else { return [.log("spike lsp: didOpen without a text document")] }
            documents[uri] = TextDocument(text: text, version: item["version"]?.intValue ?? 0)
            return markChanged(uri)
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri] else {
                return [.log("spike lsp: didChange for a document that is not open")]
            }
            for change in params["contentChanges"]?.arrayValue ?? [] {
                guard let text = change["text"]?.stringValue else { continue }
                if let range = change["range"], let start = position(range["start"]), let end = position(range["end"]) {
                    document.replace(from: start, to: end, with: text, encoding: encoding)
                } else {
                    document = TextDocument(text: text, version: document.version)
                }
            }
            document.version = params["textDocument"]?["version"]?.intValue ?? document.version
            documents[uri] = document
            return markChanged(uri)
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.stringValue else { return [] }
            documents[uri] = nil
            changed.removeAll { $0 == uri }
            return [notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])]
        default:
            return []
        }
    }

    private mutating func initialize(_ params: JSONValue) -> JSONValue {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = PositionEncoding.negotiate(offered)
        lifecycle = .running
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2],
                "completionProvider": ["triggerCharacters": [".", "%", "(", ","]],
                "hoverProvider": true,
                "signatureHelpProvider": ["triggerCharacters": ["(", ","]],
                "definitionProvider": true,
                "documentSymbolProvider": true
            ],
            "serverInfo": ["name": "spike"]
        ]
    }

    /// The diagnostics of an open document, as a notification.
    private func publishDiagnostics(_ uri: String) -> [Action] {
        guard let document = documents[uri] else { return [] }
        let analysis = session.analyze(document.text)
        let diagnostics: [JSONValue] = analysis.diagnostics.map { diagnostic in
            [
                "range": range(diagnostic.range, in: document),
                "severity": 1,
                "source": "spike",
                "code": .string(diagnostic.kind.rawValue),
                "message": .string(diagnostic.problem.message)
            ]
        }
        return [
            notify(
                "textDocument/publishDiagnostics",
                ["uri": .string(uri), "version": .int(document.version), "diagnostics": .array(diagnostics)])
        ]
    }

    // MARK: Conversions and messages

    func position(_ value: JSONValue?) -> Position? {
        guard let line = value?["line"]?.intValue, let character = value?["character"]?.intValue else { return nil }
        return Position(line: line, character: character)
    }

    func json(_ position: Position) -> JSONValue {
        ["line": .int(position.line), "character": .int(position.character)]
    }

    func range(_ range: SourceRange, in document: TextDocument) -> JSONValue {
        [
            "start": json(document.position(of: range.start, encoding: encoding)),
            "end": json(document.position(of: range.end, encoding: encoding))
        ]
    }

    private func reply(id: JSONValue, result: JSONValue) -> Action {
        .send(FrameReader.frame(JSONValue.object(["jsonrpc": "2.0", "id": id, "result": result]).jsonBytes()))
    }

    private func reply(id: JSONValue, error: ErrorCode, _ message: String) -> Action {
        let body: JSONValue = ["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.rawValue), "message": .string(message)]]
        return .send(FrameReader.frame(body.jsonBytes()))
    }

    private func notify(_ method: String, _ params: JSONValue) -> Action {
        .send(FrameReader.frame(JSONValue.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).jsonBytes()))
    }
}
