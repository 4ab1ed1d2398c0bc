/// Which images a figure is sent as (`%figure_format svg|png|both`, docs/language.md §5).
///
/// SVG is sharp at any size and small; PNG shows where SVG does not (an untrusted notebook
/// in some front ends, GitHub, nbconvert's PDF). `both` sends each figure twice and lets the
/// front end choose.
public enum FigureFormat: String, CaseIterable, Equatable, Sendable {
    case svg
    case png
    case both

    /// What a session starts with.
    static let standard = FigureFormat.svg

    var includesSVG: Bool { self != .png }
    var includesPNG: Bool { self != .svg }
}
