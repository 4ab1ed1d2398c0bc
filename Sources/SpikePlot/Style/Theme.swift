/// The fixed look of every figure: colours, fonts and sizes.
///
/// Figures sit on a light card (white, rounded, hairline border) so they read the same on light
/// and dark notebook themes. Series colours are Paul Tol's "bright" qualitative scheme, which
/// stays distinguishable under the common forms of colour blindness.
enum Theme {
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
    static let fontSize = 11.0
    static let titleSize = 13.0
    static let labelSize = 12.0
    static let noteSize = 10.0

    static let background = "#ffffff"
    static let border = "#d0d0d0"
    static let ink = "#222222"
    static let axis = "#555555"
    static let tickLabel = "#444444"
    static let grid = "#ebebeb"
    static let muted = "#8a8a8a"
    static let warning = "#a05a00"

    /// Tol bright: blue, red, green, yellow, cyan, purple, grey.
    static let palette = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB"]

    /// The colour of the series at `index`, cycling through the palette.
    static func seriesColor(_ index: Int) -> String {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    /// The dash pattern of the line at `index`: solid for the first pass through the palette,
    /// then dashed, then dotted, so lines stay distinguishable when colours repeat.
    static func seriesDash(_ index: Int) -> String? {
        switch (max(0, index) / palette.count) % 3 {
        case 0: return nil
        case 1: return "7 3"
        default: return "2 2"
        }
    }

    /// Whether the markers of the series at `index` are squares (odd series) rather than
    /// round dots, so neighbouring point clouds differ in shape as well as colour.
    static func squareMarkers(_ index: Int) -> Bool {
        index % 2 == 1
    }

    /// At most one x tick per this many pixels (fewer when labels are wide).
    static let xTickSpacing = 80.0
    /// At most one y tick per this many pixels.
    static let yTickSpacing = 40.0

    static let lineWidth = 1.75
    static let tickLength = 4.0
    static let markerSize = 5.0
}
