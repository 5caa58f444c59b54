using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

public sealed class OrgNumberTests
{
    [Theory]
    [InlineData("938821003")]
    [InlineData("971141018")]
    [InlineData("974 191 008")]
    [InlineData(" 951521000 ")]
    [InlineData("800113458")]
    public void Valid_numbers_pass_with_or_without_spaces(string input) =>
        Assert.Equal(OrgNumber.Problem.None, OrgNumber.Validate(input));

    [Theory]
    [InlineData("938821004", OrgNumber.Problem.WrongCheckDigit)]

    // MOD11 is satisfied, yet no such number exists: Enhetsregisteret issues only numbers starting with 8 or 9.
    [InlineData("123456785", OrgNumber.Problem.WrongFirstDigit)]
    [InlineData("210 430 563", OrgNumber.Problem.WrongFirstDigit)]
    [InlineData("700113450", OrgNumber.Problem.WrongFirstDigit)]
    [InlineData("123456789", OrgNumber.Problem.WrongFirstDigit)]
    [InlineData("971141011", OrgNumber.Problem.WrongCheckDigit)]
    [InlineData("93882100", OrgNumber.Problem.NotNineDigits)]
    [InlineData("9388210033", OrgNumber.Problem.NotNineDigits)]
    [InlineData("93882100A", OrgNumber.Problem.NotNineDigits)]
    [InlineData("９３８８２１００３", OrgNumber.Problem.NotNineDigits)]
    [InlineData("", OrgNumber.Problem.Missing)]
    [InlineData(null, OrgNumber.Problem.Missing)]
    public void Invalid_numbers_say_what_is_wrong(string? input, OrgNumber.Problem expected) =>
        Assert.Equal(expected, OrgNumber.Validate(input));

    [Fact]
    public void A_remainder_of_one_gives_no_check_digit_so_no_number_is_valid()
    {
        // Some first-eight digits have a weighted sum of 1 mod 11 and would need check digit 10; such numbers are never issued.
        var firstEight = Enumerable.Range(90_000_000, 200).Select(i => i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture))
            .First(s => OrgNumber.CheckDigit(s) is null);

        Assert.All(Enumerable.Range(0, 10), d => Assert.False(OrgNumber.IsValid(firstEight + d)));
    }

    [Fact]
    public void Format_groups_three_by_three() => Assert.Equal("938 821 003", OrgNumber.Format("938821003"));
}
