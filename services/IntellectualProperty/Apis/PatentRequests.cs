using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.IntellectualProperty.Apis;

// Request bodies as API.md names them. Every field is nullable so that a missing one is reported per field (400)
// instead of failing the whole body; Validate turns a request into checked values or records errors.

public sealed record FilePatentRequest(
    string? ApplicationNo, string? Title, PatentType? Type, string? ApplicantName, [OptionalField] string? ApplicantCreditCode,
    string? Township, DateOnly? FiledOn)
{
    internal PatentApplication Validate(ValidationErrors errors)
    {
        var creditCode = string.IsNullOrWhiteSpace(ApplicantCreditCode) ? null : ApplicantCreditCode.Trim().ToUpperInvariant();
        errors.Require(creditCode is null || CreditCode.IsValid(creditCode),
            "applicantCreditCode", "applicantCreditCode must be an 18-character unified social credit code with a valid check character.");
        return new PatentApplication(
            CheckApplicationNo(ApplicationNo, Type, errors),
            errors.Text(Title, "title"),
            errors.Present(Type, "type"),
            errors.Text(ApplicantName, "applicantName"),
            creditCode,
            errors.Text(Township, "township", 50),
            BusinessDates.Date(FiledOn, "filedOn", errors));
    }

    /// <summary>
    /// The application number, normalized; its shape, its check character and its type digit against
    /// <paramref name="type"/> are checked, each wrong one with its own message under <c>applicationNo</c>.
    /// </summary>
    private static string CheckApplicationNo(string? applicationNo, PatentType? type, ValidationErrors errors)
    {
        const string Field = "applicationNo";
        if (string.IsNullOrWhiteSpace(applicationNo))
        {
            errors.Add(Field, $"{Field} is required.");
            return string.Empty;
        }

        var number = PatentApplicationNumber.Normalize(applicationNo);
        if (!PatentApplicationNumber.IsWellFormed(number))
        {
            errors.Add(Field, $"{Field} must be a CN application number YYYYTNNNNNNN.C: 12 digits, a dot and the check character (a digit or X).");
            return number;
        }

        errors.Require(PatentApplicationNumber.HasValidCheckCharacter(number), Field,
            $"{Field} has a wrong check character: {number[^1]} does not agree with the 12 digits before it (a digit or the check character is mistyped).");

        var digit = PatentApplicationNumber.TypeDigit(number);
        if (PatentTypes.OfDigit(digit) is not { } numbered)
        {
            errors.Add(Field, $"{Field} has a wrong type digit: its 5th digit {digit} is no patent type (1 or 8 invention, 2 or 9 utility-model, 3 design).");
        }
        else if (type is { } declared && declared != numbered)
        {
            errors.Add(Field, $"{Field} has a wrong type digit: its 5th digit {digit} marks the application as {ApiEnum.Name(numbered)}, " +
                $"but type is {ApiEnum.Name(declared)} ({string.Join(" or ", PatentTypes.ApplicationDigits(declared).ToCharArray())}).");
        }

        return number;
    }
}

public sealed record GrantPatentRequest(DateOnly? GrantedOn);

public sealed record RejectPatentRequest(DateOnly? RejectedOn);

public sealed record LapsePatentRequest(DateOnly? LapsedOn);
