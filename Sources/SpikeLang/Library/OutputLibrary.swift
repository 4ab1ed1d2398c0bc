/// Output builtins that draw: `table`, `plot` (bound to SpikePlot as it lands).
enum OutputLibrary {
    static func builtins() -> [Builtin] {
        []
    }
}
