import Foundation
import JupyterWire

/// A JSON document written whole (`result.json`, a run record): compact, keys sorted, a final
/// newline, replaced atomically (`FileReplacement`) so a reader never sees half of it.
public enum JSONFile {
    /// Writes `json` to `url`; throws a message naming the path when it cannot.
    public static func write(_ json: JSONValue, to url: URL) throws(JSONFileFailure) {
        do {
            try FileReplacement.replace(url, with: json.jsonBytes() + Data("\n".utf8))
        } catch let failure as FileReplacement.Failure {
            throw JSONFileFailure(description: failure.description)
        } catch {
            throw JSONFileFailure(description: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}

/// Why a JSON file could not be written, as a message naming the path.
public struct JSONFileFailure: Error, Equatable, CustomStringConvertible {
    public let description: String
}
