using CountyTech.Contracts.IntellectualProperty;

namespace CountyTech.IntellectualProperty.Domain;

/// <summary>A registered S&amp;T achievement (登记科技成果).</summary>
public sealed class Achievement
{
    private Achievement()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>成果登记号; unique.</summary>
    public string RegistrationNo { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public AchievementType Type { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    /// <summary>成果完成单位或个人.</summary>
    public string HolderName { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static Achievement Register(AchievementRegistration registration, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RegistrationNo = registration.RegistrationNo,
        Title = registration.Title,
        Type = registration.Type,
        RegisteredOn = registration.RegisteredOn,
        HolderName = registration.HolderName,
        CreatedAt = now,
    };
}

/// <summary>A checked achievement registration: what <see cref="Achievement.Register"/> needs.</summary>
public sealed record AchievementRegistration(
    string RegistrationNo, string Title, AchievementType Type, DateOnly RegisteredOn, string HolderName);
