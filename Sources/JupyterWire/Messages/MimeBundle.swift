/// A MIME bundle: one rendering of a value per MIME type, plus per-type metadata.
///
///     MimeBundle(["text/plain": "Raster(4 × 100)", "image/svg+xml": "<svg …>"])
///
/// `text/plain` should always be present (it is the fallback every frontend can show);
/// `image/svg+xml` and `text/html` are strings; `application/json` is a JSON object.
public struct MimeBundle: Equatable, Sendable {
    public var data: [String: JSONValue]
    public var metadata: [String: JSONValue]

    public init(data: [String: JSONValue], metadata: [String: JSONValue] = [:]) {
        self.data = data
        self.metadata = metadata
    }

    /// A bundle of textual renderings keyed by MIME type.
    public init(_ texts: [String: String], metadata: [String: JSONValue] = [:]) {
        self.init(data: texts.mapValues(JSONValue.string), metadata: metadata)
    }

    /// A bundle with only `text/plain`.
    public init(plain: String) {
        self.init(["text/plain": plain])
    }

    /// The `text/plain` rendering, if any.
    public var plainText: String? { data["text/plain"]?.stringValue }
}
