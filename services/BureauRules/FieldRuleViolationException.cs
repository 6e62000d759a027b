namespace CountyTech.BureauRules;

/// <summary>
/// A value that is well formed but does not fit the record it is for (more days of service logged in a year than the
/// commissioner was in post). Answered 400 with <see cref="Field"/> in the <c>errors</c> map, like any invalid field;
/// domain code throws it, since only the record knows. A broken state rule is a <see cref="RuleViolationException"/>.
/// </summary>
public sealed class FieldRuleViolationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
