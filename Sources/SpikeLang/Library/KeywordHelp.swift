/// `%help` and `help("…")` for the language's own words, `>>` and magics (docs/language.md §1–5, §8).
enum KeywordHelp {
    static func text(for word: String) -> String? {
        switch word {
        case "fn":
            return
                "fn name(a, b=2) = expr   or   fn name(a) { statements }   or   fn(a) = expr\n    Defines a function (without a name, an anonymous function value); the body has its own scope and reads globals when it runs."
        case "for":
            return
                "for x in sequence { statements }   or   [expr for x in sequence if condition]\n    Runs the block (or collects expr) for each item of a list, range, string, tensor (rows) or record (field names);\n    break and continue end the loop or skip to its next item."
        case "in":
            return
                "x in xs   and   for x in xs { … }\n    Membership: an item of a list, a substring of a string, a field name of a record (true/false).\n    In a for loop or a comprehension, names the sequence to walk."
        case "break":
            return "break\n    Ends the innermost for loop at once; the loop's later items are skipped. Only inside a for body."
        case "continue":
            return "continue\n    Skips the rest of the innermost for loop's body and goes on with its next item. Only inside a for body."
        case "if", "else":
            return "if condition { a } else { b }\n    A conditional expression; else if chains; without else a false condition gives none."
        case ">>":
            return """
                a >> b
                    Composition: the network that applies a, then b (layers, neurons, models or networks).
                    It stays unbuilt until train/predict/evaluate/energy first meets data, which fixes its sizes.
                    e.g. unflatten([8, 8]) >> conv_encoder(steps=4) >> positional(cpg()) >> linear(64) >> lif()
                         >> mean_over("time") >> mean_over("length") >> linear(10)
                    The last part must give as many numbers per example as the targets (docs/language.md §8).
                """
        case "and", "or", "not": return "a and b, a or b, not a\n    Boolean logic on true/false, short-circuit."
        case "true", "false": return "true, false\n    The booleans."
        case "none": return "none\n    No value; as pe=, no positional encoding. A cell whose value is none shows nothing."
        case "%time", "time": return "%time\n    Reports the cell's wall time after running it (%time CODE times one line)."
        case "%who", "who": return "%who\n    Shows a table of the session's bindings."
        case "%reset", "reset": return "%reset\n    Forgets every binding and restores the default settings."
        case "%seed": return "%seed N\n    Seeds every random source of the session (like seed(n))."
        case "%threads", "threads": return "%threads N\n    Records how many threads the engine may use."
        case "%help", "?", "??":
            return "%help name\n    Opens the pager with help(name)'s text; a cell that is only name?, name?? or ?name does the same."
        case "%timeit", "timeit":
            return
                "%timeit [-n LOOPS] [-r REPEATS] [CODE]\n    Runs the cell (or CODE) repeatedly without showing its output and writes the time per loop, mean ± std. dev. over the repeats (7 by default; loops grow until a repeat takes 0.2 s)."
        case "%lsmagic", "lsmagic": return "%lsmagic\n    Lists the magics with a line on each."
        default: return nil
        }
    }
}
