import Foundation

/// How a heatmap turns values into colours.
///
/// `viridis` is perceptually uniform and readable by colour-blind readers and in greyscale;
/// `diverging` runs blue → near-white → red around the middle of the range (ColorBrewer RdBu,
/// reversed), for signed data such as sinusoidal encodings; `automatic` picks `diverging` when
/// the data has both signs (and then centres the range on zero), else `viridis`.
public enum ColorMap: Sendable, Equatable {
    case automatic
    case viridis
    case diverging

    private static let viridisStops = [
        "#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"
    ]
    private static let divergingStops = [
        "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b"
    ]

    /// The concrete map for data spanning `low...high`.
    func resolved(low: Double, high: Double) -> ColorMap {
        guard self == .automatic else { return self }
        return low < 0 && high > 0 ? .diverging : .viridis
    }

    /// The anchor colours from the low end to the high end, evenly spaced.
    var stops: [String] {
        self == .diverging ? Self.divergingStops : Self.viridisStops
    }

    /// The colour at `fraction` (clamped to 0...1) as "#rrggbb", interpolated between anchors.
    func color(at fraction: Double) -> String {
        let anchors = stops.map(Self.rgb)
        let t = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let position = t * Double(anchors.count - 1)
        let index = min(anchors.count - 2, Int(position))
        let local = position - Double(index)
        let (a, b) = (anchors[index], anchors[index + 1])
        let mixed = (0..<3).map { Int((a[$0] + (b[$0] - a[$0]) * local).rounded()) }
        return "#" + mixed.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Whether text on the colour at `fraction` should be light (the colour is dark), by the
    /// Rec. 709 luma of its sRGB components.
    func isDark(at fraction: Double) -> Bool {
        let rgb = Self.rgb(color(at: fraction))
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 128
    }

    private static func rgb(_ hex: String) -> [Double] {
        let digits = Array(hex.dropFirst())
        return stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16) ?? 0) }
    }
}
