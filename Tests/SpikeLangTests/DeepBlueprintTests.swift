import SpikeEngine
import XCTest

@testable import SpikeLang

/// A `residual` wrapped in a loop millions of times stops at `Blueprint.nestingLimit` with a
/// clear error, so comparing, naming and releasing what was built never overflows the stack.
final class DeepBlueprintTests: XCTestCase {
    private let chains = "b = linear(4)\nfor i in range(2e6) { b = residual(b) }"

    func testWrappingAResidualPastTheLimitFailsAndKeepsTheDeepestAllowed() {
        let session = Session()
        let failure = session.run(chains, output: RecordingSink()).failure
        XCTAssertEqual(failure?.name, "ValueError")
        XCTAssertTrue(failure?.traceback.joined().contains("1000") ?? false, "\(failure?.traceback ?? [])")
        guard case .blueprint(let blueprint)? = session.bindings["b"] else { return XCTFail("b is not a layer") }
        XCTAssertEqual(blueprint.nesting, Blueprint.nestingLimit)
        XCTAssertEqual(session.run("i", output: RecordingSink()).result?.plain, "1000", "the loop stops at the failing call")
    }

    func testDeepBlueprintsAreComparedNamedAndReleasedWithoutCrashing() {
        let session = Session()
        _ = session.run(chains, output: RecordingSink())
        _ = session.run(chains.replacingOccurrences(of: "b", with: "c"), output: RecordingSink())
        XCTAssertEqual(session.run("b == c", output: RecordingSink()).result?.plain, "true")
        XCTAssertEqual(session.run("b == residual(linear(4))", output: RecordingSink()).result?.plain, "false")
        guard case .blueprint(let blueprint)? = session.bindings["b"] else { return XCTFail("b is not a layer") }
        XCTAssertTrue(blueprint.name.hasPrefix("residual(residual(") && blueprint.name.contains("…"))
        XCTAssertLessThan(session.run("b", output: RecordingSink()).result?.plain.count ?? .max, 2_000)
        XCTAssertNil(session.run("b = 0", output: RecordingSink()).failure, "rebinding releases b")
        XCTAssertNil(session.run("%reset\nz = 1", output: RecordingSink()).failure, "%reset releases c")
        XCTAssertEqual(session.run("z + 1", output: RecordingSink()).result?.plain, "2")
    }

    func testTheDeepestAllowedBlueprintIsReleasedOnASmallStack() {
        XCTAssertEqual(Self.deepestBlueprint().nesting, Blueprint.nestingLimit)
        releaseOnASmallStack(.blueprint(Self.deepestBlueprint()))
    }

    /// Residuals around a sequence, nested as deep as the language allows.
    private static func deepestBlueprint() -> Blueprint {
        var blueprint = Blueprint.linear(outputs: 4, bias: true)
        for _ in 0..<Blueprint.nestingLimit { blueprint = .residual(.sequence([blueprint, .layerNorm])) }
        return blueprint
    }
}
