namespace CountyTech.Talent.Domain;

/// <summary>A checked record of a training held: what <see cref="Training.Record"/> needs.</summary>
public sealed record TrainingRecord(string Title, string Township, DateOnly HeldOn, int Sessions, int Participants);

/// <summary>A science and technology training (科技培训) held in a township: its sessions (期) and participants (人次).</summary>
public sealed class Training
{
    private Training()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Township { get; private set; } = string.Empty;

    public DateOnly HeldOn { get; private set; }

    /// <summary>Sessions held (期数).</summary>
    public int Sessions { get; private set; }

    /// <summary>Participants in person-times (人次): a farmer at three sessions counts three.</summary>
    public int Participants { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Training Record(TrainingRecord held, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Title = held.Title,
        Township = held.Township,
        HeldOn = held.HeldOn,
        Sessions = held.Sessions,
        Participants = held.Participants,
        CreatedAt = now,
    };
}
