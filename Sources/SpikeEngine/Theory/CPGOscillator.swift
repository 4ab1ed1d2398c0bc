import Foundation

/// Theorem 1 made numeric: the CPG pair oscillator integrated with classical Runge–Kutta (RK4).
///
/// N independent pairs follow dx_i/dt = omega_i · y_i, dy_i/dt = −omega_i · x_i with
/// x_i(0) = 0, y_i(0) = 1 and omega_i = tau^(−2i/(2N)); the exact solution is
/// x_i = sin(omega_i t), y_i = cos(omega_i t), the transformer's sinusoidal PE.
public enum CPGOscillator {
    /// The membrane potentials sampled at integer positions p = 0…length−1, shape
    /// [length, 2·pairs] with columns x_0, y_0, x_1, y_1, … (the layout of `.sinusoidal`).
    ///
    /// Integration runs in Float64 with ceil(1/dt) equal RK4 steps per position (so the step
    /// is at most `dt`); RK4's error is O(dt⁴) per unit time. Cost: O(length · pairs / dt);
    /// `isCancelled` is polled once per position.
    public static func integrate(
        pairs: Int, tau: Double, length: Int, dt: Double, budget: MemoryBudget = .standard,
        isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        guard pairs >= 1 else {
            throw EngineError.value(argument: .pairs, message: "must be at least 1, got \(pairs)")
        }
        guard tau.isFinite, tau > 0 else {
            throw EngineError.value(argument: .tau, message: "must be a finite positive number, got \(tau)")
        }
        guard length >= 0 else {
            throw EngineError.value(argument: .length, message: "must not be negative, got \(length)")
        }
        guard dt.isFinite, dt >= 1e-7, dt <= 1 else {
            throw EngineError.value(argument: .dt, message: "must lie in [1e-7, 1], got \(dt)")
        }
        let width = 2 * pairs
        try budget.check(scalars: try Tensor.elementCount(of: [length, width]))
        let substeps = Int((1 / dt).rounded(.up))
        let h = 1 / Double(substeps)
        let omegas = (0..<pairs).map { i in Foundation.pow(tau, -2 * Double(i) / Double(width)) }
        var x = [Double](repeating: 0, count: pairs)
        var y = [Double](repeating: 1, count: pairs)
        // Filled row by row (not zeroed up front), so an interrupt never waits for the whole
        // table to be touched.
        var scalars = [Float]()
        scalars.reserveCapacity(length * width)
        for _ in 0..<length {
            try checkCancelled(isCancelled)
            for i in 0..<pairs {
                scalars.append(Float(x[i]))
                scalars.append(Float(y[i]))
            }
            for i in 0..<pairs {
                for _ in 0..<substeps {
                    (x[i], y[i]) = rk4Step(x: x[i], y: y[i], omega: omegas[i], h: h)
                }
            }
        }
        return Tensor(unchecked: [length, width], scalars: scalars)
    }

    /// One RK4 step of (x, y)' = (omega·y, −omega·x) over time `h`.
    @inline(__always)
    static func rk4Step(x: Double, y: Double, omega: Double, h: Double) -> (Double, Double) {
        let k1x = omega * y
        let k1y = -omega * x
        let k2x = omega * (y + h / 2 * k1y)
        let k2y = -omega * (x + h / 2 * k1x)
        let k3x = omega * (y + h / 2 * k2y)
        let k3y = -omega * (x + h / 2 * k2x)
        let k4x = omega * (y + h * k3y)
        let k4y = -omega * (x + h * k3x)
        return (x + h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x), y + h / 6 * (k1y + 2 * k2y + 2 * k3y + k4y))
    }
}
