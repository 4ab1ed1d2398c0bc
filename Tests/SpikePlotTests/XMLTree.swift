import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element: name, attributes, children and its own character data.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and all its descendants, depth first.
    var all: [XMLNode] {
        [self] + children.flatMap(\.all)
    }

    /// All descendants (and self) named `name`.
    func elements(_ name: String) -> [XMLNode] {
        all.filter { $0.name == name }
    }

    /// The concatenated character data of this element and its descendants.
    var deepText: String {
        text + children.map(\.deepText).joined()
    }

    /// Parses `markup` with Foundation's XMLParser; fails the test and returns nil when the
    /// markup is not well-formed XML.
    static func parse(_ markup: String, file: StaticString = #filePath, line: UInt = #line) -> XMLNode? {
        let parser = XMLParser(data: Data(markup.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            XCTFail("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")", file: file, line: line)
            return nil
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            let node = XMLNode(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
