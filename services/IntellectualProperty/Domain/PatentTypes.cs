using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;

namespace CountyTech.IntellectualProperty.Domain;

/// <summary>Which type digits of an application number (<see cref="PatentApplicationNumber.TypeDigit"/>) each patent type takes.</summary>
public static class PatentTypes
{
    /// <summary>1 or 8 (PCT) for an invention, 2 or 9 (PCT) for a utility model, 3 for a design.</summary>
    public static string ApplicationDigits(PatentType type) => type switch
    {
        PatentType.Invention => "18",
        PatentType.UtilityModel => "29",
        PatentType.Design => "3",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown patent type."),
    };

    /// <summary>The type a type digit stands for, or null for a digit that stands for none.</summary>
    public static PatentType? OfDigit(char digit)
    {
        foreach (var type in Enum.GetValues<PatentType>())
        {
            if (ApplicationDigits(type).Contains(digit))
            {
                return type;
            }
        }

        return null;
    }
}
