import Foundation

/// Where the history file lives: `$SPIKE_HISTORY` when set (a path; `off` keeps history in
/// memory only), else `spike/history.sqlite` in Jupyter's data folder — `$JUPYTER_DATA_DIR`,
/// else `$XDG_DATA_HOME/jupyter`, else `~/.local/share/jupyter`, as jupyter_core finds it.
public enum HistoryFile {
    /// The environment variable that names the file (or `off`).
    public static let variable = "SPIKE_HISTORY"

    /// The file's path, or nil when history is to stay in memory.
    public static func path(environment: [String: String]) -> String? {
        if let chosen = environment[variable], !chosen.isEmpty {
            return chosen == "off" ? nil : chosen
        }
        let data: String
        if let jupyter = environment["JUPYTER_DATA_DIR"], !jupyter.isEmpty {
            data = jupyter
        } else if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            data = xdg + "/jupyter"
        } else {
            data = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/jupyter"
        }
        return data + "/spike/history.sqlite"
    }
}
