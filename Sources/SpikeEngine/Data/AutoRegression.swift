/// A first-order autoregression x(t) = a x(t-1) + sqrt(1 - a²) σ n(t) whose stationary
/// standard deviation is σ.
struct AutoRegression {
    let coefficient: Double
    let deviation: Double

    func next(after previous: Double, generator: inout SeededGenerator) -> Double {
        let innovation = (1 - coefficient * coefficient).squareRoot() * deviation
        return coefficient * previous + innovation * generator.nextNormalPair().0
    }
}
