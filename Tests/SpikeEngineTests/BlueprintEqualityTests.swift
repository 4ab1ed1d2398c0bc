import SpikeEngine
import XCTest

/// `Blueprint`'s equality and name walk nested residuals without recursing per level, so they
/// hold on a 512 KB thread however deep the parts nest.
final class BlueprintEqualityTests: XCTestCase {
    private static func nested(_ depth: Int, around core: Blueprint) -> Blueprint {
        var blueprint = core
        for _ in 0..<depth { blueprint = .residual(.sequence([blueprint, .layerNorm])) }
        return blueprint
    }

    func testEqualityComparesEveryPartAndEveryOption() {
        let lif = try? LIF()
        XCTAssertNotNil(lif)
        guard let lif else { return }
        let parts: [Blueprint] = [
            .linear(outputs: 4, bias: true), .linear(outputs: 4, bias: false), .linear(outputs: 5, bias: true),
            .conv1d(outputs: 2, kernel: 3, dilation: 1, causal: true), .conv1d(outputs: 2, kernel: 3, dilation: 1, causal: false),
            .batchNorm, .layerNorm, .flatten, .dropout(rate: 0.1), .dropout(rate: 0.2),
            .attention(heads: 2, scale: 0.5), .attention(heads: 4, scale: 0.5), .mlp(hidden: 8), .mlp(hidden: 9),
            .meanOver(.time), .meanOver(.length), .neuron(lif), .residual(.flatten), .residual(.layerNorm),
            .sequence([.flatten]), .sequence([.flatten, .layerNorm]), .sequence([.layerNorm, .flatten])
        ]
        for (i, a) in parts.enumerated() {
            for (j, b) in parts.enumerated() {
                XCTAssertEqual(a == b, i == j, "\(a) == \(b)")
            }
        }
    }

    func testDeeplyNestedBlueprintsAreComparedAndNamedOnASmallStack() {
        // Deeper than the synthesized `==` and the recursive name survived on 512 KB (they
        // overflowed at 1000 levels in a debug build), shallow enough to release in the test.
        let depth = 5_000
        let result = Outcome()
        result.inputs = [true, true, false].map { Self.nested(depth, around: .linear(outputs: 4, bias: $0)) }
        let done = expectation(description: "compared")
        let thread = Thread {
            // The thread's own references end with `examine`, before the test goes on: the
            // release of the deep values must never race onto this small stack.
            Self.examine(result)
            done.fulfill()
        }
        thread.stackSize = 512 << 10
        thread.start()
        wait(for: [done], timeout: 120)
        // Released here, on the test's thread: only equality and naming are under test.
        let inputs = result.inputs
        result.inputs = []
        let outcome = result.value
        XCTAssertEqual(outcome?.same, true)
        XCTAssertEqual(outcome?.differs, false, "the difference at the bottom is found")
        XCTAssertTrue(outcome?.name.hasPrefix("residual(residual(") ?? false)
        XCTAssertTrue(outcome?.name.contains("…") ?? false)
        XCTAssertLessThan(outcome?.name.count ?? .max, 10_000)
        XCTAssertEqual(inputs.count, 3)
    }

    /// Compares and names the inputs, keeping no reference to them once it returns.
    private static func examine(_ result: Outcome) {
        let inputs = result.inputs
        result.value = (inputs[0] == inputs[1], inputs[0] == inputs[2], inputs[0].name)
    }

    /// What the small thread found; read only after it has finished.
    private final class Outcome: @unchecked Sendable {
        var inputs: [Blueprint] = []
        var value: (same: Bool, differs: Bool, name: String)?
    }
}
