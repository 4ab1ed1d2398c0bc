/// What a kernel says about itself in `kernel_info_reply` (minus the protocol version, which
/// the wire layer adds).
public struct KernelInfo: Equatable, Sendable {
    public var implementation: String
    public var implementationVersion: String
    public var languageInfo: LanguageInfo
    public var banner: String
    public var helpLinks: [HelpLink]

    public init(
        implementation: String, implementationVersion: String, languageInfo: LanguageInfo, banner: String,
        helpLinks: [HelpLink] = []
    ) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.languageInfo = languageInfo
        self.banner = banner
        self.helpLinks = helpLinks
    }
}

/// `language_info`: how frontends highlight, save and export the language.
public struct LanguageInfo: Equatable, Sendable {
    public var name: String
    public var version: String
    public var mimetype: String
    /// With the dot, e.g. ".spk".
    public var fileExtension: String
    public var pygmentsLexer: String
    public var codemirrorMode: String
    public var nbconvertExporter: String

    public init(
        name: String, version: String, mimetype: String, fileExtension: String, pygmentsLexer: String,
        codemirrorMode: String, nbconvertExporter: String = "script"
    ) {
        self.name = name
        self.version = version
        self.mimetype = mimetype
        self.fileExtension = fileExtension
        self.pygmentsLexer = pygmentsLexer
        self.codemirrorMode = codemirrorMode
        self.nbconvertExporter = nbconvertExporter
    }

    public var json: JSONValue {
        [
            "name": .string(name), "version": .string(version), "mimetype": .string(mimetype),
            "file_extension": .string(fileExtension), "pygments_lexer": .string(pygmentsLexer),
            "codemirror_mode": .string(codemirrorMode), "nbconvert_exporter": .string(nbconvertExporter)
        ]
    }
}

/// A link shown in the frontend's Help menu.
public struct HelpLink: Equatable, Sendable {
    public var text: String
    public var url: String

    public init(text: String, url: String) {
        self.text = text
        self.url = url
    }
}

/// `kernel_info_reply`, answered on shell and on control.
public struct KernelInfoReply: OutgoingContent, Equatable {
    public static let messageType = "kernel_info_reply"
    public var info: KernelInfo

    public init(_ info: KernelInfo) {
        self.info = info
    }

    public var json: JSONValue {
        [
            "status": "ok", "protocol_version": .string(JupyterWire.protocolVersion),
            "implementation": .string(info.implementation),
            "implementation_version": .string(info.implementationVersion),
            "language_info": info.languageInfo.json, "banner": .string(info.banner),
            "help_links": .array(info.helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
            "supported_features": []
        ]
    }
}
