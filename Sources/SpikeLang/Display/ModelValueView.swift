/// The text and rich forms of the model values: a network's summary table, a run's loss
/// curves, scores and comparison tables.
enum ModelValueView {
    static func text(of value: ModelValue) -> String {
        switch value {
        case .network(let network): return NetworkView.text(of: network)
        case .run(let run): return RunView.summary(of: run)
        case .scores(let scores, _): return scores.named.map { "\($0.name) \(ValueText.number($0.value))" }.joined(separator: ", ")
        case .comparison(let comparison): return ScoresView.table(of: comparison).text()
        }
    }

    static func rendering(of value: ModelValue) -> Rendering {
        switch value {
        case .network(let network): return NetworkView.rendering(of: network)
        case .run(let run): return RunView.rendering(of: run)
        case .scores(let scores, let scale): return ScoresView.rendering(of: scores, scale: scale)
        case .comparison(let comparison): return ScoresView.rendering(of: comparison)
        }
    }
}
