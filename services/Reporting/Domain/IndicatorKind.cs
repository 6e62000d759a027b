namespace CountyTech.Reporting.Domain;

/// <summary>How an indicator relates to time (指标类型).</summary>
public enum IndicatorKind
{
    /// <summary>Counted or summed over the business dates inside year Y (流量).</summary>
    Flow,

    /// <summary>The state at the end of year Y, Y-12-31 inclusive (存量).</summary>
    Stock,

    /// <summary>A quotient of other figures of year Y, null where an input is missing (比率).</summary>
    Ratio,
}
