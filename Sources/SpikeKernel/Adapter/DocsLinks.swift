import Foundation
import JupyterWire

/// Where `kernel_info_reply`'s `help_links` point: the repository's language and library
/// references (docs/architecture.md §4, "Help links").
///
/// The project has no public web address, so the base is chosen in this order:
/// `$SPIKE_DOCS_URL` (any URL; the pages' file names are appended), else the `docs`
/// folder of the checkout the binary was built in (`.build/<config>/spike` →
/// `file://…/docs/`), found by walking up from the executable; when neither exists, the
/// reference links are left out rather than pointing nowhere.
public struct DocsLinks: Equatable, Sendable {
    /// The variable that overrides the base address.
    public static let variable = "SPIKE_DOCS_URL"

    /// The reference pages under the base: docs/language.md and docs/library.md.
    static let pages = [
        (text: "Spike language reference", file: "language" + ".md"), (text: "Spike library reference", file: "library" + ".md")
    ]

    /// The base URL, ending in `/`, or nil when no documentation can be found.
    public var base: String?

    public init(base: String?) {
        self.base = base.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The base from `environment`, else from the checkout around `executable`. Cost: up to
    /// five `stat` calls.
    public init(environment: [String: String], executable: URL?) {
        if let override = environment[Self.variable], !override.isEmpty {
            self.init(base: override)
            return
        }
        var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            guard let current = folder else { break }
            let docs = current.appendingPathComponent("docs")
            if FileManager.default.fileExists(atPath: docs.appendingPathComponent(Self.pages[0].file).path) {
                self.init(base: docs.absoluteString)
                return
            }
            folder = current.deletingLastPathComponent()
        }
        self.init(base: nil)
    }

    /// The language and library references (when a base is known), then the paper's code.
    public var helpLinks: [HelpLink] {
        var links: [HelpLink] = []
        if let base {
            links += Self.pages.map { HelpLink(text: $0.text, url: base + $0.file) }
        }
        links.append(HelpLink(text: "SeqSNN: the CPG-PE paper's reference code", url: "https://github.com/microsoft/SeqSNN"))
        return links
    }
}
