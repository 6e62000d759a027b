namespace CountyTech.Enterprises.Domain;

/// <summary>An entry in a year's register of technology-based SMEs (科技型中小企业入库登记), at most one per enterprise and year.</summary>
public sealed class TechSmeRegistration
{
    private TechSmeRegistration()
    {
    }

    internal TechSmeRegistration(int year, string registrationNo)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        RegistrationNo = registrationNo;
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    /// <summary>入库登记编号, unique in the county.</summary>
    public string RegistrationNo { get; private set; } = string.Empty;
}
