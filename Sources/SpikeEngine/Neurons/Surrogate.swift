import Foundation

/// The smooth stand-in for the Heaviside step's derivative used in the backward pass.
///
/// The forward pass always fires with a hard step; backward, the spike's derivative with
/// respect to x = H − V_th is replaced by g'(x):
///
/// | case | g'(x) | g'(0) |
/// |---|---|---|
/// | `atan(alpha)` | alpha / (2 (1 + (π/2 · alpha · x)²)) | alpha/2 |
/// | `sigmoid(alpha)` | alpha · s(alpha x) · (1 − s(alpha x)), s = logistic | alpha/4 |
/// | `fastSigmoid(slope)` | 1 / (1 + slope · abs(x))² | 1 |
/// | `triangle(width)` | max(0, 1 − abs(x)/width) / width (unit area on [−width, width]) | 1/width |
/// | `rectangle(width)` | 1/width if abs(x) < width/2, else 0 (unit area) | 1/width |
///
/// The reference configuration (SpikingJelly and snnTorch in SeqSNN) is `atan(alpha: 2)`.
public enum Surrogate: Equatable, Sendable {
    case atan(alpha: Double)
    case sigmoid(alpha: Double)
    case fastSigmoid(slope: Double)
    case triangle(width: Double)
    case rectangle(width: Double)

    /// The reference default: arctangent with alpha = 2.
    public static let standard = Surrogate.atan(alpha: 2)

    /// The surrogate derivative g'(x) at x = H − V_th, in Float64.
    public func derivative(at x: Double) -> Double {
        switch self {
        case .atan(let alpha):
            let u = Double.pi / 2 * alpha * x
            return alpha / (2 * (1 + u * u))
        case .sigmoid(let alpha):
            let s = 1 / (1 + Foundation.exp(-alpha * x))
            return alpha * s * (1 - s)
        case .fastSigmoid(let slope):
            let d = 1 + slope * Swift.abs(x)
            return 1 / (d * d)
        case .triangle(let width):
            return Swift.max(0, 1 - Swift.abs(x) / width) / width
        case .rectangle(let width):
            return Swift.abs(x) < width / 2 ? 1 / width : 0
        }
    }

    /// The parameter's name and value, for validation and display.
    public var parameter: (name: String, value: Double) {
        switch self {
        case .atan(let alpha): return ("alpha", alpha)
        case .sigmoid(let alpha): return ("alpha", alpha)
        case .fastSigmoid(let slope): return ("slope", slope)
        case .triangle(let width): return ("width", width)
        case .rectangle(let width): return ("width", width)
        }
    }

    /// The parameter as the engine names it in errors.
    var parameterKey: EngineParameter {
        switch self {
        case .atan, .sigmoid: return .alpha
        case .fastSigmoid: return .slope
        case .triangle, .rectangle: return .width
        }
    }

    /// Throws `.value` naming the parameter unless it is finite and positive.
    public func validate() throws {
        let value = parameter.value
        guard value.isFinite, value > 0 else {
            throw EngineError.value(argument: parameterKey, message: "must be a finite positive number, got \(value)")
        }
    }
}
