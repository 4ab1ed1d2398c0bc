import Foundation

extension ConnectionInfo {
    /// Reads and validates a connection file; `generateKey` supplies the key when it has none.
    public init(
        contentsOf path: String, generateKey: () -> String = MessageID.random
    ) throws(ConnectionFileError) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path)
        }
        try self.init(jsonBytes: bytes, generateKey: generateKey)
    }

    /// Parses connection-file JSON. Ports must be integers in 0...65535.
    ///
    /// `key` must be a string when present (an empty one turns signing off); a file without
    /// one gets `generateKey()` (``KeyOrigin/generated``), so requests cannot be forged by
    /// leaving the key out. `curve_publickey` and `curve_secretkey` come together or not at all.
    public init(
        jsonBytes: Data, generateKey: () -> String = MessageID.random
    ) throws(ConnectionFileError) {
        guard let document = JSONValue(jsonBytes: jsonBytes), let fields = document.objectValue else {
            throw .notJSONObject
        }
        func port(_ name: String) throws(ConnectionFileError) -> Int {
            guard let value = fields[name] else { throw .missingField(name) }
            guard let number = value.intValue, (0...65_535).contains(number) else { throw .invalidField(name) }
            return number
        }
        let transportName = fields["transport"]?.stringValue ?? "tcp"
        guard let transport = Transport(rawValue: transportName) else { throw .invalidField("transport") }
        guard let ip = fields["ip"]?.stringValue else { throw .missingField("ip") }
        guard !ip.isEmpty else { throw .invalidField("ip") }
        let scheme = fields["signature_scheme"]?.stringValue ?? "hmac-sha256"
        guard scheme == "hmac-sha256" else { throw .unsupportedSignatureScheme(scheme) }
        let key: String
        let keyOrigin: KeyOrigin
        switch fields["key"] {
        case nil:
            key = generateKey()
            keyOrigin = .generated
        case .string(let text)?:
            key = text
            keyOrigin = .file
        case let other?:
            throw .keyNotAString(found: Self.kind(of: other))
        }
        self.init(
            transport: transport, ip: ip,
            shellPort: try port(Self.portField(of: .shell)), iopubPort: try port(Self.portField(of: .iopub)),
            stdinPort: try port(Self.portField(of: .stdin)), controlPort: try port(Self.portField(of: .control)),
            heartbeatPort: try port(Self.portField(of: .heartbeat)),
            key: key, keyOrigin: keyOrigin, signatureScheme: scheme,
            kernelName: fields["kernel_name"]?.stringValue ?? "",
            curve: try Self.curveKeys(in: fields)
        )
    }

    /// The connection-file field holding the port of `channel`, e.g. `hb_port`.
    public static func portField(of channel: Channel) -> String {
        "\(channel.rawValue)_port"
    }

    /// Connection-file JSON `original` with its ports replaced by this connection's, every other
    /// field kept — how a kernel reports the ports it chose for port 0 (as ipykernel does).
    public func replacingPorts(in original: Data) throws(ConnectionFileError) -> Data {
        guard let document = JSONValue(jsonBytes: original), var fields = document.objectValue else {
            throw .notJSONObject
        }
        for channel in Channel.allCases {
            fields[Self.portField(of: channel)] = .int(port(of: channel))
        }
        return JSONValue.object(fields).jsonBytes()
    }

    /// The CurveZMQ keys of a connection file, nil when it has neither.
    private static func curveKeys(in fields: [String: JSONValue]) throws(ConnectionFileError) -> CurveKeys? {
        let names = ("curve_publickey", "curve_secretkey")
        func key(_ name: String) throws(ConnectionFileError) -> String? {
            guard let value = fields[name], !value.isNull else { return nil }
            guard let text = value.stringValue, isZ85Key(text) else { throw .invalidCurveKey(field: name) }
            return text
        }
        switch (try key(names.0), try key(names.1)) {
        case (nil, nil): return nil
        case (let publicKey?, let secretKey?): return CurveKeys(publicKey: publicKey, secretKey: secretKey)
        case (nil, _): throw .incompleteCurveKeys(missing: names.0)
        case (_, nil): throw .incompleteCurveKeys(missing: names.1)
        }
    }

    /// The 85 characters of Z85 (ZeroMQ RFC 32).
    private static let z85Alphabet = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    /// Whether `text` is a 32-byte key in Z85: 40 characters of the Z85 alphabet.
    static func isZ85Key(_ text: String) -> Bool {
        text.utf8.count == 40 && text.utf8.allSatisfy(z85Alphabet.contains)
    }

    /// What kind of JSON value `value` is, for error messages: "a number", "null", ….
    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
