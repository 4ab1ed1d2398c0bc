import JupyterWire

/// The kernel's `is_complete` answer, named apart from SpikeLang's `Completeness` (the module
/// `JupyterWire` also declares an enum `JupyterWire`, so `JupyterWire.Completeness` cannot be
/// spelled where both are imported).
public typealias KernelCompleteness = Completeness
