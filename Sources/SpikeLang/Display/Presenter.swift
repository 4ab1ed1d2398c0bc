/// Turns values into what the notebook shows: text always, and SVG or HTML for the values
/// that have a richer view (figures, tables).
enum Presenter {
    static func rendering(of value: Value) -> Rendering {
        Rendering(plain: ValueText.text(of: value))
    }
}
