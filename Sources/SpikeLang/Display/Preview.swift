import Foundation

/// Short one-line previews of long text forms.
enum Preview {
    /// `text` on one line, cut to at most `limit` characters, with an ellipsis when cut.
    static func short(_ text: String, limit: Int = 60) -> String {
        let singleLine = text.replacingOccurrences(of: "\n", with: " ")
        return singleLine.count <= limit ? singleLine : String(singleLine.prefix(limit - 1)) + "…"
    }
}
