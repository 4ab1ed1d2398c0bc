/// SpikePlot: figures to SVG and tables to HTML, as strings, text escaped by construction.
public enum SpikePlot {}
