import CRSVG

/// A figure rasterised to PNG: the encoded bytes and the size it should be shown at, in CSS
/// pixels (the PNG itself has `scale` times as many pixels each way, for sharp text on
/// high-density screens and in PDF).
public struct RasterImage: Equatable, Sendable {
    public var png: [UInt8]
    public var width: Int
    public var height: Int
}

/// Renders SVG documents to PNG through librsvg and cairo (Debian `librsvg2-dev`), on a white
/// background.
///
///     SVGRaster.png(from: figure.svg())   // RasterImage(png: [137, 80, 78, 71, …], width: 640, height: 300)
///
/// Cost: parsing plus drawing, about linear in the SVG's elements and the image's pixels
/// (docs/architecture.md §4 has the measured time per figure).
public enum SVGRaster {
    /// Device pixels per CSS pixel, as IPython's `retina` format uses.
    public static let defaultScale = 2.0

    /// The PNG of `svg`, or nil when librsvg cannot read it or it has no size in pixels.
    public static func png(from svg: String, scale: Double = defaultScale) -> RasterImage? {
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0
        var width = 0.0
        var height = 0.0
        let status = svg.utf8CString.withUnsafeBufferPointer { text in
            spike_svg_to_png(text.baseAddress, text.count - 1, scale, &bytes, &count, &width, &height)
        }
        guard status == 0, let bytes else { return nil }
        defer { free(bytes) }
        return RasterImage(
            png: Array(UnsafeBufferPointer(start: bytes, count: count)), width: Int(width.rounded()),
            height: Int(height.rounded()))
    }
}
