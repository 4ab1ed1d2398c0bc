import Foundation
import JupyterWire
import XCTest

@testable import SpikeLSP

/// The server's state machine driven by framed bytes, as a client would send them.
final class LanguageServerTests: XCTestCase {
    private func frame(_ message: JSONValue) -> Data {
        FrameReader.frame(message.jsonBytes())
    }

    /// The JSON bodies of the `send` actions, decoded back.
    private func sent(_ actions: [LanguageServer.Action]) -> [JSONValue] {
        var reader = FrameReader()
        return actions.flatMap { action -> [JSONValue] in
            guard case .send(let bytes) = action else { return [] }
            return reader.append(bytes).compactMap { frame in
                guard case .message(let body) = frame else { return nil }
                return JSONValue(jsonBytes: body)
            }
        }
    }

    private func initialized(encodings: [JSONValue] = []) -> LanguageServer {
        var server = LanguageServer()
        let capabilities: JSONValue = encodings.isEmpty ? [:] : ["general": ["positionEncodings": .array(encodings)]]
        _ = server.receive(frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": capabilities]]))
        _ = server.receive(frame(["jsonrpc": "2.0", "method": "initialized", "params": [:]]))
        return server
    }

    private func open(_ server: inout LanguageServer, _ text: String) -> [JSONValue] {
        sent(
            server.receive(
                frame([
                    "jsonrpc": "2.0", "method": "textDocument/didOpen",
                    "params": ["textDocument": ["uri": "file:///a.spk", "languageId": "spike", "version": 1, "text": .string(text)]]
                ])))
    }

    private func ranges(_ messages: [JSONValue]) -> [[Int]] {
        (messages.last?["params"]?["diagnostics"]?.arrayValue ?? []).map { diagnostic in
            let range = diagnostic["range"]
            return [range?["start"]?["line"], range?["start"]?["character"], range?["end"]?["line"], range?["end"]?["character"]]
                .map { $0?.intValue ?? -1 }
        }
    }

    func testAMessageSplitAcrossReadsIsAnsweredOnceComplete() {
        var server = LanguageServer()
        let bytes = frame(["jsonrpc": "2.0", "id": 7, "method": "initialize", "params": ["capabilities": [:]]])
        var replies: [JSONValue] = []
        for index in bytes.indices { replies += sent(server.receive(bytes[index...index])) }
        XCTAssertEqual(replies.count, 1)
        XCTAssertEqual(replies.first?["id"], 7)
        XCTAssertEqual(replies.first?["result"]?["capabilities"]?["positionEncoding"], "utf-16")
    }

    func testPositionEncodingPrefersCodePointsThenUTF8WhenOffered() {
        XCTAssertEqual(initialized(encodings: ["utf-16", "utf-32"]).encoding, .utf32)
        XCTAssertEqual(initialized(encodings: ["utf-8", "utf-16"]).encoding, .utf8)
        XCTAssertEqual(initialized().encoding, .utf16)
    }

    func testANameErrorAfterAnEmojiAndAnAstralCharacterIsRangedInUTF16Units() {
        var server = initialized()
        // "😀" and "𝜏" are one code point each but two UTF-16 units: `y` is code point 11,
        // UTF-16 unit 13 (Python: len('s = "😀𝜏" + '.encode("utf-16-le")) // 2 == 13).
        let messages = open(&server, "s = \"😀𝜏\" + y")
        XCTAssertEqual(ranges(messages), [[0, 13, 0, 14]])
        XCTAssertEqual(messages.last?["params"]?["diagnostics"]?[0]?["code"], "NameError")
    }

    func testRangesInCodePointsWhenUTF32IsNegotiated() {
        var server = initialized(encodings: ["utf-32"])
        XCTAssertEqual(ranges(open(&server, "s = \"😀𝜏\" + y")), [[0, 11, 0, 12]])
    }

    func testEverySyntaxErrorIsPublishedWithItsRange() {
        var server = initialized()
        // As `spike run` reports it: "expected an expression" at 1:4 and the `$` at 1:5.
        XCTAssertEqual(ranges(open(&server, "x = $")), [[0, 3, 0, 4], [0, 4, 0, 5]])
    }

    func testAnIncrementalEditAfterAnEmojiReplacesTheRightCharacters() {
        var server = initialized()
        _ = open(&server, "a = 1\ns = \"😀\" + b")
        // Replace `b` (UTF-16 column 11 on line 1) with `a`.
        let change: JSONValue = [
            "range": ["start": ["line": 1, "character": 11], "end": ["line": 1, "character": 12]], "text": "a"
        ]
        let messages = sent(
            server.receive(
                frame([
                    "jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": ["textDocument": ["uri": "file:///a.spk", "version": 2], "contentChanges": [change]]
                ])))
        XCTAssertEqual(server.documents["file:///a.spk"]?.text, "a = 1\ns = \"😀\" + a")
        XCTAssertEqual(ranges(messages), [])
        XCTAssertEqual(messages.last?["params"]?["version"], 2)
    }

    func testABurstOfChangesInOneReadIsCheckedOnceAtItsLastVersion() {
        var server = initialized()
        _ = open(&server, "x = 1")
        func change(_ version: Int, _ text: String) -> Data {
            frame([
                "jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": ["textDocument": ["uri": "file:///a.spk", "version": .int(version)], "contentChanges": [["text": .string(text)]]]
            ])
        }
        let messages = sent(server.receive(change(2, "y") + change(3, "x = 2\nzz")))
        XCTAssertEqual(messages.count, 1)
        XCTAssertEqual(messages.first?["params"]?["version"], 3)
        XCTAssertEqual(ranges(messages), [[1, 0, 1, 2]])
    }

    func testNotebookMagicsAndHelpLinesProduceNoDiagnosticsAndEarlierCellsCount() {
        var server = initialized()
        XCTAssertEqual(ranges(open(&server, "%seed 3\nx = 2\n\n%%time\nlif?\nprint(x)\nprint(z)")), [[6, 6, 6, 7]])
        // The code after an inline `%timeit` is checked in its columns, and what it binds counts.
        XCTAssertEqual(ranges(open(&server, "%timeit -n 2 y = x0\nprint(y)")), [[0, 17, 0, 19]])
    }

    func testUnknownRequestsMalformedJSONAndEarlyRequestsGetErrorsNotCrashes() {
        var fresh = LanguageServer()
        XCTAssertEqual(sent(fresh.receive(frame(["jsonrpc": "2.0", "id": 1, "method": "textDocument/hover"])))[0]["error"]?["code"], -32002)
        var server = initialized()
        XCTAssertEqual(sent(server.receive(frame(["jsonrpc": "2.0", "id": 2, "method": "spike/nothing"])))[0]["error"]?["code"], -32601)
        let junk = FrameReader.frame(Data("{not json".utf8))
        let replies = sent(server.receive(junk))
        XCTAssertEqual(replies[0]["error"]?["code"], -32700)
        XCTAssertEqual(replies[0]["id"], .null)
        XCTAssertEqual(sent(server.receive(FrameReader.frame(Data("[1, 2]".utf8))))[0]["error"]?["code"], -32600)
        XCTAssertEqual(sent(server.receive(frame(["jsonrpc": "2.0", "id": 3, "method": "shutdown"])))[0]["result"], .null)
        XCTAssertEqual(server.receive(frame(["jsonrpc": "2.0", "method": "exit"])), [.exit(0)])
    }

    func testExitWithoutShutdownEndsWithStatusOne() {
        var server = initialized()
        XCTAssertEqual(server.receive(frame(["jsonrpc": "2.0", "method": "exit"])), [.exit(1)])
        XCTAssertEqual(server.endOfInput(), [.exit(1)])
    }

    private func ask(_ server: inout LanguageServer, _ method: String, line: Int, character: Int) -> JSONValue? {
        sent(
            server.receive(
                frame([
                    "jsonrpc": "2.0", "id": 9, "method": .string(method),
                    "params": ["textDocument": ["uri": "file:///a.spk"], "position": ["line": .int(line), "character": .int(character)]]
                ]))
        ).first?["result"]
    }

    func testCompletionOffersBuiltinsBindingsAndNamedArgumentsWithKindsAndSignatures() {
        var server = initialized()
        _ = open(&server, "fn double(x) = 2 * x\ndou\nlif(ta")
        let names = ask(&server, "textDocument/completion", line: 1, character: 3)?["items"]?.arrayValue ?? []
        let double = names.first { $0["label"] == "double" }
        XCTAssertEqual(double?["kind"], 3)
        XCTAssertEqual(double?["detail"], "fn double(x)")
        let arguments = ask(&server, "textDocument/completion", line: 2, character: 6)?["items"]?.arrayValue ?? []
        let tau = arguments.first { $0["label"] == "tau=" }
        XCTAssertEqual(tau?["kind"], 10)
        XCTAssertEqual(tau?["detail"]?.stringValue?.hasPrefix("lif("), true)
    }

    func testCompletionAfterADotOffersTheFieldsOfARecordLiteral() {
        var server = initialized()
        _ = open(&server, "p = {tau: 2, threshold: 1, rate: 5}\np.t")
        let items = ask(&server, "textDocument/completion", line: 1, character: 3)?["items"]?.arrayValue ?? []
        XCTAssertEqual(items.map { $0["label"] }, ["tau", "threshold"])
        XCTAssertEqual(items.map { $0["kind"] }, [5, 5])
    }

    func testHoverShowsHelpAndSignatureHelpCountsArguments() {
        var server = initialized()
        _ = open(&server, "lif(1, ")
        let hover = ask(&server, "textDocument/hover", line: 0, character: 1)?["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(hover.contains("lif("), hover)
        let help = ask(&server, "textDocument/signatureHelp", line: 0, character: 7)
        XCTAssertEqual(help?["activeParameter"], 1)
        XCTAssertEqual(help?["signatures"]?[0]?["label"]?.stringValue?.hasPrefix("lif("), true)
    }

    func testDefinitionAndSymbolsPointAtTheBindingNames() {
        var server = initialized()
        _ = open(&server, "rate = 3\nfn f(a) = a + rate\nf(rate)")
        let location = ask(&server, "textDocument/definition", line: 2, character: 3)
        XCTAssertEqual(location?["range"]?["start"], ["line": 0, "character": 0])
        XCTAssertEqual(location?["range"]?["end"], ["line": 0, "character": 4])
        let symbols =
            sent(
                server.receive(
                    frame([
                        "jsonrpc": "2.0", "id": 4, "method": "textDocument/documentSymbol",
                        "params": ["textDocument": ["uri": "file:///a.spk"]]
                    ]))
            ).first?["result"]?.arrayValue ?? []
        XCTAssertEqual(symbols.map { $0["name"] }, ["rate", "f"])
        XCTAssertEqual(symbols.map { $0["kind"] }, [13, 12])
    }
}

extension JSONValue {
    /// The element at `index` when this is an array.
    fileprivate subscript(index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

/// Semantic tokens, decoded from LSP's relative encoding back to absolute positions.
final class SemanticTokenTests: XCTestCase {
    func testTokensAreClassifiedAndPlacedInUTF16UnitsAfterAnEmoji() {
        var server = LanguageServer()
        _ = server.receive(
            FrameReader.frame(
                JSONValue.object(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]).jsonBytes()))
        server.documents["file:///a.spk"] = TextDocument(text: "%seed 1\ns = \"😀\" # note\nfn f(x) = x + 2", version: 1)
        let data = server.semanticTokens(server.documents["file:///a.spk"]!)
        var line = 0
        var character = 0
        var decoded: [[Int]] = []
        for index in stride(from: 0, to: data.count, by: 5) {
            line += data[index]
            character = data[index] == 0 ? character + data[index + 1] : data[index + 1]
            decoded.append([line, character, data[index + 2], data[index + 3]])
        }
        let (keyword, number, string, comment, function, variable, op) = (0, 1, 2, 3, 4, 5, 6)
        XCTAssertEqual(
            decoded,
            [
                [1, 0, 1, variable], [1, 2, 1, op], [1, 4, 4, string], [1, 9, 6, comment],
                [2, 0, 2, keyword], [2, 3, 1, function], [2, 5, 1, variable], [2, 8, 1, op], [2, 10, 1, variable],
                [2, 12, 1, op], [2, 14, 1, number]
            ])
    }
}
