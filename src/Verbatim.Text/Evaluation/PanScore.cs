namespace Verbatim.Text.Evaluation;

/// <summary>PAN's measures over one set of cases and detections (see <see cref="PanMeasures"/>).</summary>
public sealed record PanScore(double Precision, double Recall, double Granularity, double Plagdet, int Cases, int Detections, int DetectedCases);
