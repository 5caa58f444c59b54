using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using MigrationPortal.Web;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Features.Upgrades;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Calendar;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Pdf;

namespace MigrationPortal.Scale;

/// <summary>
/// Makes the scale data set of issue 10 on a new database: the app's migrations and demo data first (the app's own start-up
/// code), then customers, contacts, projects with plans built from the step templates, offers from the offer defaults,
/// meetings, checklists, the annual wheel as its job plans it, upgrade notices by the app's job, the outbox and the history,
/// all through the app's model. One seeded random source drives every choice, and the clock stands at <see cref="ScaleOptions.Now"/>.
/// </summary>
public static class ScaleGenerator
{
    public const string LongProjectName = "Skala: prosjekt med 300 steg";

    public static async Task<ScaleResult> RunAsync(ScaleOptions options, TextWriter log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var watch = Stopwatch.StartNew();
        var work = Path.Combine(Path.GetTempPath(), $"mp-scale-{options.Seed}-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var run = new Run(options, log, watch);
            await run.ExecuteAsync(work, ct);
            var result = run.Result(watch.Elapsed.TotalSeconds);
            await File.WriteAllTextAsync(options.JsonFile, JsonSerializer.Serialize(result, ScaleResult.Json), ct);
            return result;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder in /tmp; nothing of the data set is in it.
            }
        }
    }

    /// <summary>The counts of issue 10 at scale 1.0 (totals, demo rows included).</summary>
    internal static class Target
    {
        public const int Customers = 2000;
        public const int Contacts = 5100;
        public const int Projects = 6000;
        public const int InOperation = 2000;
        public const int Steps = 200_000;
        public const int Meetings = 30_000;
        public const int Offers = 8000;
        public const int Audit = 200_000;
        public const int Outbox = 20_000;
        public const int Leads = 1500;
        public const int CustomerLogins = 200;
    }

    private sealed class Run(ScaleOptions options, TextWriter log, Stopwatch watch)
    {
        private readonly FakeTimeProvider clock = new(ScaleOptions.Now);
        private readonly Randomizer rng = new(options.Seed);
        private readonly BulkContexts bulk = new(options.Provider, options.ConnectionString, new FakeTimeProvider(ScaleOptions.Now));
        private readonly List<Staff> staff = [];
        private readonly List<Cust> customers = [];
        private readonly List<AuditCandidate> history = [];
        private readonly List<MailCandidate> mails = [];
        private readonly List<OpsProject> inOperation = [];
        private readonly List<int> sentRevisions = [];
        private readonly HashSet<string> orgNumbers = new(StringComparer.Ordinal);
        private readonly HashSet<string> customerNames = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> emails = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<int, int> offerCounters = [];
        private Faker faker = null!;
        private WebApplication app = null!;
        private IStringLocalizer<SharedResource> l = null!;
        private KickoffTexts kickoffTexts = null!;
        private Dictionary<string, Product> products = null!;
        private List<StepTemplate> templates = null!;
        private string passwordHash = null!;
        private DateOnly today;
        private DateTime now;
        private int stepCount;
        private int meetingCount;
        private int offerCount;
        private int queuePosition;
        private int customerLoginCount;
        private (int Id, string Name, int Steps) longProject;
        private Cust bigCustomer = null!;

        private sealed record Staff(string Id, string Email, string Name, string Role);

        private sealed class Cust
        {
            public int Id { get; set; }
            public required string Name { get; init; }
            public required string Language { get; init; }
            public required HashSet<string> Installed { get; init; }
            public List<Person> Contacts { get; } = [];
            public int? StatusMonth { get; set; }
            public int Weight { get; set; } = 1;
            public bool Demo { get; init; }
            public DateTime CreatedUtc { get; init; }
        }

        private sealed class Person
        {
            public int Id { get; set; }
            public required string Name { get; init; }
            public required string Email { get; init; }
            public string? UserId { get; set; }
            public bool Signs { get; init; }
        }

        private sealed record OpsProject(int Id, string Name, DateTime EnteredUtc, IReadOnlyList<Cust> Owners, Staff Lead);

        private readonly record struct AuditCandidate(DateTime At, Staff? By, string Type, Func<string> EntityId, string Action, string? Property, string? Old, string? New, Func<int?> ProjectId, int? CustomerId);

        private sealed record MailCandidate(DateTime At, Func<OutboxMessage> Make);

        private long AuditTotal { get; set; }

        private long OutboxTotal { get; set; }

        private int T(int full) => Math.Max(1, (int)Math.Round(full * options.Scale, MidpointRounding.AwayFromZero));

        private void Log(string what) => log.WriteLine($"[{watch.Elapsed.TotalSeconds,6:F1} s] {what}");

        public async Task ExecuteAsync(string work, CancellationToken ct)
        {
            Bogus.Randomizer.Seed = new Random(options.Seed);
            faker = new Faker("nb_NO") { Random = rng };
            await CreateDatabaseAsync(work, ct);
            await LoadReferenceAsync(ct);
            await AddProductsAsync(ct);
            await AddStaffAsync(ct);
            await AddCustomersAsync(ct);
            await AddCustomerLoginsAsync(ct);
            await AddProjectsAsync(ct);
            await AddLeadsAsync(ct);
            await AddWheelAsync(ct);
            await AddUpgradeNoticesAsync(ct);
            await AddOutboxAsync(ct);
            await AddHistoryAsync(ct);
            await RenderPdfsAsync(ct);
            await FinishAsync(ct);
        }

        // ---------------------------------------------------------------- the database, as the app makes it

        private async Task CreateDatabaseAsync(string work, CancellationToken ct)
        {
            if (options.SqliteFile is { } file)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }
            }
            else
            {
                await using var db = bulk.Create();
                await db.Database.EnsureDeletedAsync(ct);
            }

            app = ScaleHost.Build(options.Provider, options.ConnectionString, clock, work);

            // Program.cs's own step: migrations, reference data, the demo data (Demo:Enabled).
            await app.PrepareDatabaseAsync();
            l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            kickoffTexts = new KickoffTexts(l);
            Log($"database migrated and demo data loaded ({options.Provider})");
        }

        private async Task LoadReferenceAsync(CancellationToken ct)
        {
            today = Display.TodayInOslo(clock);
            now = clock.GetUtcNow().UtcDateTime;
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>();

            // Identity's hash (PBKDF2 at the app's iteration count) of the demo password, made once: every generated login shares it.
            passwordHash = hasher.HashPassword(new PortalUser { DisplayName = "scale" }, DemoData.DemoPassword);
            foreach (var (email, name, role) in DemoData.StaffUsers)
            {
                var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
                staff.Add(new Staff(id, email, name, role));
                emails.Add(email);
            }

            var demo = await db.Customers.AsNoTracking().Include(c => c.Contacts).Include(c => c.InstalledProducts).ThenInclude(i => i.Product).OrderBy(c => c.Id).ToListAsync(ct);
            foreach (var c in demo)
            {
                var cust = new Cust
                {
                    Id = c.Id, Name = c.Name, Language = c.PreferredLanguage, Demo = true, StatusMonth = c.StatusMeetingMonth,
                    Installed = c.InstalledProducts.Select(i => i.Product!.Code).ToHashSet(StringComparer.Ordinal), CreatedUtc = now.AddYears(-3),
                };
                cust.Contacts.AddRange(c.Contacts.OrderBy(x => x.Id).Select(x => new Person { Id = x.Id, Name = x.Name, Email = x.Email, UserId = x.UserId, Signs = x.HasSigningAuthority }));
                customers.Add(cust);
                orgNumbers.Add(c.OrgNumber);
                customerNames.Add(c.Name);
                foreach (var x in c.Contacts)
                {
                    emails.Add(x.Email);
                }
            }

            foreach (var n in await db.Offers.Select(o => o.Number).ToListAsync(ct))
            {
                var parts = n.Split('-');
                var year = int.Parse(parts[1], CultureInfo.InvariantCulture);
                offerCounters[year] = Math.Max(offerCounters.GetValueOrDefault(year), int.Parse(parts[2], CultureInfo.InvariantCulture));
            }

            stepCount = await db.Steps.CountAsync(ct);
            meetingCount = await db.Meetings.CountAsync(ct);
            offerCount = await db.Offers.CountAsync(ct);
            queuePosition = await db.CloudQueue.Where(q => q.StartedUtc == null).MaxAsync(q => (int?)q.Position, ct) ?? 0;
            customerLoginCount = DemoData.CustomerLogins.Count;
        }

        // ---------------------------------------------------------------- products and staff, as an administrator adds them

        /// <summary>Three more products a vendor of this size sells, with step templates like the admin pages make.</summary>
        private async Task AddProductsAsync(CancellationToken ct)
        {
            await using var db = bulk.Create();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            (string Code, string Name, string Description, (string Key, Phase Phase, string Title, ResponsibleParty Who, int Offset, int Days, string? Depends)[] Steps)[] extra =
            [
                ("einnsyn", "eInnsyn-modul", "Publisering av journal og dokumenter til eInnsyn",
                [
                    ("setup.einnsyn-config", Phase.Setup, "Oppsett av eInnsyn-publisering", ResponsibleParty.Vendor, 85, 10, "setup.access,setup.servers"),
                    ("setup.einnsyn-rules", Phase.Setup, "Skjermingsregler for publisering", ResponsibleParty.Customer, 95, 14, "setup.einnsyn-config"),
                    ("setup.einnsyn-mapping", Phase.Setup, "Kobling av arkivdeler til eInnsyn", ResponsibleParty.Vendor, 95, 7, "setup.einnsyn-config"),
                    ("setup.einnsyn-test", Phase.Setup, "Test av publisering", ResponsibleParty.Customer, 113, 14, "setup.einnsyn-rules,setup.einnsyn-mapping"),
                    ("setup.einnsyn-training", Phase.Setup, "Opplæring i publisering", ResponsibleParty.Vendor, 120, 7, "setup.einnsyn-test"),
                    ("golive.einnsyn-live", Phase.GoLive, "eInnsyn i produksjon", ResponsibleParty.Vendor, 150, 2, "golive.cutover"),
                    ("golive.einnsyn-check", Phase.GoLive, "Kontroll av første publisering", ResponsibleParty.Customer, 152, 7, "golive.einnsyn-live"),
                    ("golive.einnsyn-routines", Phase.GoLive, "Rutiner for daglig publisering", ResponsibleParty.Customer, 155, 14, "golive.einnsyn-check"),
                    ("ops.einnsyn-review", Phase.Operations, "Årlig gjennomgang av publiseringen", ResponsibleParty.Vendor, 300, 1, null),
                    ("ops.einnsyn-report", Phase.Operations, "Innsynsstatistikk til ledelsen", ResponsibleParty.Customer, 330, 7, null),
                ]),
                ("politikk", "Møtemodul", "Politisk møtebehandling med utvalg, saksliste og vedtak",
                [
                    ("setup.meetings-bodies", Phase.Setup, "Registrering av utvalg og medlemmer", ResponsibleParty.Customer, 85, 14, "setup.access"),
                    ("setup.meetings-templates", Phase.Setup, "Maler for innkalling og protokoll", ResponsibleParty.Vendor, 88, 10, "setup.servers"),
                    ("setup.meetings-migration", Phase.Setup, "Migrering av møtedata", ResponsibleParty.Vendor, 92, 14, "setup.meetings-bodies"),
                    ("setup.meetings-portal", Phase.Setup, "Oppsett av politikerportalen", ResponsibleParty.Vendor, 100, 10, "setup.meetings-templates"),
                    ("setup.meetings-test", Phase.Setup, "Prøvemøte i testmiljøet", ResponsibleParty.Customer, 113, 7, "setup.meetings-migration,setup.meetings-portal"),
                    ("setup.meetings-training", Phase.Setup, "Opplæring av møtesekretærer", ResponsibleParty.Vendor, 118, 5, "setup.meetings-test"),
                    ("golive.meetings-first", Phase.GoLive, "Første møte i produksjon", ResponsibleParty.Customer, 155, 1, "golive.cutover"),
                    ("golive.meetings-politicians", Phase.GoLive, "Politikerne tar i bruk portalen", ResponsibleParty.Customer, 156, 14, "golive.meetings-first"),
                    ("golive.meetings-archive", Phase.GoLive, "Arkivering av protokoller kontrollert", ResponsibleParty.Vendor, 160, 5, "golive.meetings-first"),
                    ("ops.meetings-review", Phase.Operations, "Gjennomgang etter første møtesyklus", ResponsibleParty.Vendor, 250, 1, null),
                ]),
                ("uttrekk", "Arkivuttrekk", "Noark 5-uttrekk og avlevering til depot",
                [
                    ("setup.extract-scope", Phase.Setup, "Avgrensning av arkivperioder", ResponsibleParty.Customer, 85, 10, "setup.access"),
                    ("setup.extract-run", Phase.Setup, "Produksjon av Noark 5-uttrekk", ResponsibleParty.Vendor, 95, 14, "setup.extract-scope,setup.servers"),
                    ("setup.extract-validate", Phase.Setup, "Validering med Arkade", ResponsibleParty.Vendor, 109, 7, "setup.extract-run"),
                    ("setup.extract-approve", Phase.Setup, "Godkjenning av uttrekket", ResponsibleParty.Customer, 116, 7, "setup.extract-validate"),
                    ("setup.extract-delivery", Phase.Setup, "Avlevering til arkivdepot", ResponsibleParty.Customer, 123, 14, "setup.extract-approve"),
                    ("golive.extract-close", Phase.GoLive, "Periodisering av gammel arkivdel", ResponsibleParty.Vendor, 150, 3, "golive.cutover"),
                    ("golive.extract-receipt", Phase.GoLive, "Kvittering fra depot arkivert", ResponsibleParty.Customer, 153, 7, "golive.extract-close"),
                    ("golive.extract-cleanup", Phase.GoLive, "Opprydding i gamle servere", ResponsibleParty.Vendor, 160, 7, "golive.extract-receipt"),
                    ("ops.extract-yearly", Phase.Operations, "Årlig uttrekk til depot", ResponsibleParty.Vendor, 365, 14, null),
                    ("ops.extract-plan", Phase.Operations, "Oppdatert arkivplan", ResponsibleParty.Customer, 200, 14, null),
                ]),
            ];
            foreach (var (code, name, description, steps) in extra)
            {
                var product = new Product { Code = code, Name = name, Description = description };
                db.Products.Add(product);
                var order = 200;
                foreach (var s in steps)
                {
                    db.StepTemplates.Add(new StepTemplate
                    {
                        Product = product, Key = s.Key, Phase = s.Phase, Title = s.Title, Responsible = s.Who, OffsetDays = s.Offset, DurationDays = s.Days,
                        SortOrder = order += 10, DependsOnKeys = s.Depends, Required = s.Phase != Phase.Operations,
                        Description = $"{s.Title} ({name}).",
                    });
                }
            }

            // A vendor of this size starts more projects a month than the demo's two.
            var settings = await db.VendorSettings.FirstAsync(ct);
            settings.ProjectStartsPerMonth = 40;
            db.Entry(settings).State = EntityState.Modified;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);

            await using var read = bulk.Create();
            products = await read.Products.AsNoTracking().ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
            templates = await read.StepTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        }

        /// <summary>More project leads, sales and cloud-centre people: two project leads do not run 4,000 projects.</summary>
        private async Task AddStaffAsync(CancellationToken ct)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            foreach (var (role, count) in new[] { (Roles.ProjectLead, 10), (Roles.Sales, 3), (Roles.CloudCenter, 3) })
            {
                for (var i = 0; i < count; i++)
                {
                    var first = faker.Name.FirstName();
                    var last = faker.Name.LastName();
                    var email = UniqueEmail($"{Names.Slug(first)}.{Names.Slug(last)}", "leverandor.example");
                    var user = await CreateLoginAsync(users, email, $"{first} {last}", role, customerId: null);
                    staff.Add(new Staff(user.Id, email, user.DisplayName, role));
                }
            }
        }

        private string UniqueEmail(string local, string domain)
        {
            var email = $"{local}@{domain}";
            for (var n = 2; !emails.Add(email); n++)
            {
                email = $"{local}{n}@{domain}";
            }

            return email;
        }

        /// <summary>A login made by Identity's user manager (validation, normalisation, role), with the shared password hash.</summary>
        private async Task<PortalUser> CreateLoginAsync(UserManager<PortalUser> users, string email, string name, string role, int? customerId)
        {
            var user = new PortalUser
            {
                Id = new Guid(rng.Bytes(16)).ToString(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CustomerId = customerId,
                PasswordHash = passwordHash,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                throw new InvalidOperationException($"Login {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            return user;
        }

        private Staff StaffOf(string role, double demoShare)
        {
            var all = staff.Where(s => s.Role == role).ToList();
            return rng.Double() < demoShare ? all[0] : all[rng.Number(0, all.Count - 1)];
        }

        private Staff ProjectLead() => rng.Double() switch
        {
            < 0.15 => staff.Single(s => s.Email == "prosjektleder@leverandor.example"),
            < 0.25 => staff.Single(s => s.Email == "prosjektleder2@leverandor.example"),
            _ => StaffOf(Roles.ProjectLead, 0),
        };

        // ---------------------------------------------------------------- customers and contacts

        private async Task AddCustomersAsync(CancellationToken ct)
        {
            var count = Math.Max(0, T(Target.Customers) - customers.Count);
            var contactTotal = Math.Max(count, T(Target.Contacts) - customers.Sum(c => c.Contacts.Count));
            var generated = new List<(Customer Entity, Cust Info)>();
            for (var i = 0; i < count; i++)
            {
                var place = Names.Place(rng);
                var (name, type) = Names.Organisation(rng, place);
                for (var attempt = 0; customerNames.Contains(name); attempt++)
                {
                    place = attempt < 20 ? Names.Place(rng) : $"{Names.Place(rng)} {attempt}";
                    (name, type) = Names.Organisation(rng, place);
                }

                customerNames.Add(name);
                var installed = new HashSet<string>(StringComparer.Ordinal);
                if (rng.Double() < 0.6)
                {
                    installed.Add("websak");
                    if (rng.Double() < 0.4)
                    {
                        installed.Add("fokus");
                    }
                }

                var entity = new Customer
                {
                    Name = name, OrgNumber = Names.OrgNumber(rng, orgNumbers), Type = type, City = place,
                    StreetAddress = $"{faker.Address.StreetName()} {rng.Number(1, 120)}", PostalCode = rng.Number(1, 9990).ToString("D4", CultureInfo.InvariantCulture),
                    PreferredLanguage = type == CustomerType.Private && rng.Double() < 0.2 ? "en" : "nb-NO",
                    StatusMeetingMonth = rng.Double() < 0.3 ? rng.Number(1, 12) : null,
                };
                entity.InstalledProducts.AddRange(installed.Select(code => new CustomerProduct
                {
                    ProductId = products[code].Id, Version = code == "websak" ? rng.ArrayElement(WebSakVersions) : null,
                }));
                var info = new Cust
                {
                    Name = name, Language = entity.PreferredLanguage, Installed = installed, StatusMonth = entity.StatusMeetingMonth,
                    CreatedUtc = now.AddDays(-rng.Number(400, 2500)).Date.AddHours(rng.Number(7, 14)),
                };
                generated.Add((entity, info));
            }

            // Contacts: one each, the rest spread with a bias to the big customers.
            var perCustomer = generated.Select(_ => 1).ToArray();
            for (var extra = contactTotal - count; extra > 0 && count > 0; extra--)
            {
                perCustomer[rng.Double() < 0.2 ? rng.Number(0, Math.Min(count, 40) - 1) : rng.Number(0, count - 1)]++;
            }

            for (var i = 0; i < generated.Count; i++)
            {
                var (entity, info) = generated[i];
                var domain = entity.Type == CustomerType.Municipality ? $"{Names.Slug(entity.City!)}.kommune.example" : $"{Names.Slug(entity.Name)}.example";
                for (var k = 0; k < perCustomer[i]; k++)
                {
                    var first = faker.Name.FirstName();
                    var last = faker.Name.LastName();
                    var person = new Person
                    {
                        Name = $"{first} {last}", Email = UniqueEmail($"{Names.Slug(first)}.{Names.Slug(last)}", domain), Signs = k == 0 || rng.Double() < 0.2,
                    };
                    info.Contacts.Add(person);
                    entity.Contacts.Add(new Contact
                    {
                        Name = person.Name, Email = person.Email, Title = rng.ArrayElement(Names.ContactTitles), HasSigningAuthority = person.Signs,
                        Phone = rng.Double() < 0.7 ? $"+47 {rng.Number(2, 9)}{rng.Number(0, 9_999_999):D7}" : null,
                    });
                }
            }

            foreach (var batch in generated.Chunk(500))
            {
                await using var db = bulk.Create();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Customers.AddRange(batch.Select(b => b.Entity));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                foreach (var (entity, info) in batch)
                {
                    info.Id = entity.Id;
                    for (var k = 0; k < info.Contacts.Count; k++)
                    {
                        info.Contacts[k].Id = entity.Contacts[k].Id;
                    }

                    var by = StaffOf(Roles.Sales, 0.5);
                    history.Add(new AuditCandidate(info.CreatedUtc, by, nameof(Customer), Id(entity.Id), "Created", null, null, entity.Name, NoProject, entity.Id));
                    foreach (var c in entity.Contacts)
                    {
                        history.Add(new AuditCandidate(info.CreatedUtc.AddMinutes(5), by, nameof(Contact), Id(c.Id), "Created", null, null, c.Name, NoProject, entity.Id));
                    }
                }
            }

            customers.AddRange(generated.Select(g => g.Info));

            // The big customers: the demo logins' organisations, and the first twenty generated ones.
            foreach (var c in customers.Where(c => c.Demo && c.Contacts.Any(p => p.UserId != null)))
            {
                c.Weight = 15;
            }

            foreach (var c in customers.Where(c => !c.Demo).Take(20))
            {
                c.Weight = 8;
            }

            bigCustomer = customers.First(c => c.Name == "Sør-Fron kommune");
            bigCustomer.Weight = 30;
            Log($"{customers.Count} customers, {customers.Sum(c => c.Contacts.Count)} contacts");
        }

        private static Func<string> Id(long id)
        {
            var text = id.ToString(CultureInfo.InvariantCulture);
            return () => text;
        }

        private static readonly Func<int?> NoProject = () => null;

        /// <summary>About two hundred contacts get customer logins: the big customers' first, then others'.</summary>
        private async Task AddCustomerLoginsAsync(CancellationToken ct)
        {
            var wanted = Math.Max(10, T(Target.CustomerLogins) - customerLoginCount);
            var chosen = customers.Where(c => c.Weight > 1).SelectMany(c => c.Contacts.Where(p => p.UserId == null).Take(6).Select(p => (c, p)))
                .Concat(customers.Where(c => c.Weight == 1 && c.Contacts.Count > 0).Select(c => (c, c.Contacts[0])))
                .Take(wanted).ToList();
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            foreach (var (cust, person) in chosen)
            {
                var user = await CreateLoginAsync(users, person.Email, person.Name, Roles.Customer, cust.Id);
                person.UserId = user.Id;
                await db.Contacts.Where(c => c.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, user.Id), ct);
            }

            customerLoginCount += chosen.Count;
            Log($"{customerLoginCount} customer logins");
        }

        // ---------------------------------------------------------------- projects: plans, offers, meetings, checklists

        private sealed class Spec
        {
            public required string Name { get; init; }
            public required Phase Phase { get; init; }
            public required List<Cust> Owners { get; init; }
            public required List<string> Codes { get; init; }
            public bool FromLead { get; init; }
            public int ExtraActivities { get; init; }
        }

        private async Task AddProjectsAsync(CancellationToken ct)
        {
            var existing = customers.Any(c => c.Demo) ? 7 : 0;
            var total = Math.Max(4, T(Target.Projects) - existing);
            var ops = Math.Max(1, T(Target.InOperation) - 1);
            var rest = Math.Max(3, total - ops - 1);
            var intake = (int)(rest * 0.35);
            var setup = (int)(rest * 0.37);
            var golive = rest - intake - setup;
            var phases = Enumerable.Repeat(Phase.Operations, ops).Concat(Enumerable.Repeat(Phase.Intake, intake))
                .Concat(Enumerable.Repeat(Phase.Setup, setup)).Concat(Enumerable.Repeat(Phase.GoLive, golive)).ToList();
            var specs = new List<Spec>();

            // In operation: one project per customer, round the customer base, so about every customer is in operation.
            var withContacts = customers.Where(c => c.Contacts.Count > 0).ToList();
            var owners = new Queue<Cust>(withContacts.Where(c => !c.Demo).Concat(withContacts.Where(c => c.Demo && c.Name != "Ålesund kommune")));
            var weighted = withContacts.SelectMany(c => Enumerable.Repeat(c, c.Weight)).ToList();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var phase in phases)
            {
                var owner = phase == Phase.Operations && owners.Count > 0 ? owners.Dequeue() : rng.ListItem(weighted);
                var list = new List<Cust> { owner };
                if (rng.Double() < 0.08)
                {
                    list.AddRange(Enumerable.Range(0, rng.Number(1, 2)).Select(_ => rng.ListItem(withContacts)).Where(c => !list.Contains(c)));
                }

                var codes = rng.Double() switch
                {
                    < 0.55 => new List<string> { "websak" },
                    < 0.75 => ["forms"],
                    _ => ["websak", "forms"],
                };
                specs.Add(new Spec
                {
                    Name = ProjectName(list, codes, names), Phase = phase, Owners = list, Codes = codes, FromLead = phase == Phase.Intake && rng.Bool(),
                });
            }

            // The long project: every product, and an accepted offer with its own activities, which become steps of their own.
            specs.Insert(specs.Count / 2, new Spec
            {
                Name = LongProjectName, Phase = Phase.Setup, Owners = [bigCustomer], Codes = ["websak", "forms", "einnsyn", "politikk", "uttrekk"], ExtraActivities = -1,
            });

            var offerTarget = T(Target.Offers) - offerCount;
            offerCount = 0;
            var otherMeetings = T(Target.Meetings) - meetingCount - (ops * 10.5) - specs.Count(s => s.Phase != Phase.Intake);
            var meetingRate = Math.Max(0, otherMeetings / specs.Count(s => s.Phase != Phase.Operations));
            var stepTarget = T(Target.Steps) - stepCount;
            var customerById = customers.ToDictionary(c => c.Id);
            var done = 0;
            foreach (var batch in specs.Chunk(200))
            {
                await using var db = bulk.Create();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var built = new List<Built>();
                var t0 = watch.Elapsed;
                foreach (var spec in batch)
                {
                    var trajectory = (long)stepTarget * (done + 1) / specs.Count;
                    built.Add(Build(spec, trajectory, offerTarget * (done + 1.0) / specs.Count, meetingRate));
                    done++;
                }

                var t1 = watch.Elapsed;

                // The link rows name their customer and product (PortalDb's audit describes them by name; without the
                // navigation it searches every tracked row for each link).
                var known = new Dictionary<int, Customer>();
                var productStubs = products.Values.ToDictionary(p => p.Id, p => new Product { Id = p.Id, Code = p.Code, Name = p.Name });
                db.AttachRange(productStubs.Values);
                foreach (var b in built)
                {
                    foreach (var pc in b.Project.Customers)
                    {
                        if (!known.TryGetValue(pc.CustomerId, out var stub))
                        {
                            stub = known[pc.CustomerId] = new Customer { Id = pc.CustomerId, Name = customerById[pc.CustomerId].Name, OrgNumber = string.Empty };
                            db.Attach(stub);
                        }

                        pc.Customer = stub;
                    }

                    foreach (var pp in b.Project.Products)
                    {
                        pp.Product = productStubs[pp.ProductId];
                    }
                }

                db.Projects.AddRange(built.Select(b => b.Project));
                db.Offers.AddRange(built.SelectMany(b => b.Offers));
                db.CloudQueue.AddRange(built.Where(b => b.Queue is not null).Select(b => b.Queue!));
                await db.SaveChangesAsync(ct);
                var t2 = watch.Elapsed;
                foreach (var b in built)
                {
                    b.After(db);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                foreach (var b in built)
                {
                    b.Saved();
                }

                timeBuild += t1 - t0;
                timeSave += t2 - t1;
                timeAfter += watch.Elapsed - t2;

                if (done % 1000 < batch.Length)
                {
                    Log($"{done} projects, {stepCount} steps, {meetingCount} meetings, {offerCount} offers");
                }
            }

            Log($"{done} projects, {stepCount} steps, {meetingCount} meetings, {offerCount} offers (build {timeBuild.TotalSeconds:F1} s, save {timeSave.TotalSeconds:F1} s, after {timeAfter.TotalSeconds:F1} s)");
        }

        private TimeSpan timeBuild;
        private TimeSpan timeSave;
        private TimeSpan timeAfter;

        private string ProjectName(List<Cust> owners, List<string> codes, HashSet<string> taken)
        {
            var what = string.Join(" og ", codes.Select(c => products[c].Name));
            var first = owners[0].Name;
            var name = owners.Count > 1 ? $"{first} m.fl.: {what} i sky" : rng.ArrayElement(new[] { $"{first}: {what} til Skydrift", $"{first}: {what} i sky", $"{first}: flytting av {what}" });
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = $"{name} ({n})";
            }

            return unique;
        }

        /// <summary>One project and what the app would have written around it, ready to save; ids that follow the save are filled in by <see cref="After"/>.</summary>
        private sealed class Built
        {
            public required Project Project { get; init; }
            public List<Offer> Offers { get; } = [];
            public CloudQueueEntry? Queue { get; set; }
            public List<Action<PortalDb>> Later { get; } = [];
            public List<Action> Done { get; } = [];

            public void After(PortalDb db)
            {
                foreach (var a in Later)
                {
                    a(db);
                }
            }

            public void Saved()
            {
                foreach (var a in Done)
                {
                    a();
                }
            }
        }

        private static DateTime At(DateOnly day, int hour, int minute = 0) => Display.FromOslo(day.ToDateTime(new TimeOnly(hour, minute)));

        private static DateOnly Weekday(DateOnly d) => d.DayOfWeek switch { DayOfWeek.Saturday => d.AddDays(2), DayOfWeek.Sunday => d.AddDays(1), _ => d };

        private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(Display.ToOslo(utc));

        private Built Build(Spec spec, long stepTrajectory, double offerTrajectory, double meetingRate)
        {
            var owner = spec.Owners[0];
            var language = owner.Language;
            var installed = spec.Owners.SelectMany(c => c.Installed).ToHashSet(StringComparer.Ordinal);
            var sales = StaffOf(Roles.Sales, 0.5);

            // When: acceptance (phases 2-4) and start follow from the phase; a new project is weeks old.
            var start = spec.Phase switch
            {
                Phase.Operations => today.AddDays(-rng.Number(130, 1100)),
                Phase.GoLive => today.AddDays(-rng.Number(82, 112)),
                Phase.Setup => spec.ExtraActivities < 0 ? today.AddDays(-30) : today.AddDays(rng.Number(-75, 90)),
                _ => today.AddDays(rng.Number(20, 120)),
            };
            if (spec.Phase != Phase.Intake)
            {
                start = new DateOnly(start.Year, start.Month, 1);
            }

            var acceptDay = spec.Phase == Phase.Intake ? today : Weekday(start.AddDays(-rng.Number(20, 75)));
            var created = spec.Phase == Phase.Intake ? now.AddDays(-rng.Number(1, 70)).AddMinutes(-rng.Number(0, 480)) : At(acceptDay.AddDays(-rng.Number(35, 80)), 9, rng.Number(0, 59));
            var createdDay = Day(created);
            var lead = spec.Phase switch
            {
                Phase.Intake => sales,
                Phase.Operations => StaffOf(Roles.CloudCenter, 0.4),
                _ => ProjectLead(),
            };
            var project = new Project
            {
                Name = spec.Name, Phase = spec.Phase, LeadUserId = lead.Id, CreatedUtc = created, PlannedStart = start,
                Status = spec.Phase != Phase.Operations && rng.Double() < 0.04 ? ProjectStatus.OnHold : ProjectStatus.Active,
            };
            project.Customers.AddRange(spec.Owners.Select(c => new ProjectCustomer { CustomerId = c.Id }));
            project.Products.AddRange(spec.Codes.Select(c => new ProjectProduct { ProductId = products[c].Id }));
            var built = new Built { Project = project };
            var createdBy = spec.Phase == Phase.Intake ? sales : StaffOf(Roles.Sales, 0.5);
            history.Add(new AuditCandidate(created, createdBy, nameof(Project), () => project.Id.ToString(CultureInfo.InvariantCulture), "Created", null, null, project.Name, () => project.Id, null));

            var productEntities = spec.Codes.Select(c => products[c]).ToList();
            if (spec.Phase == Phase.Intake && !spec.FromLead)
            {
                // Created on the project form: the whole plan from the templates, dated from the planned start (SaveProject).
                ProjectPlan.AddFromTemplates(project, templates.Where(t => productEntities.Any(p => p.Id == t.ProductId)), installed, start, countFromFirst: false);
            }
            else
            {
                // Converted from a lead: the intake steps, dated from the day it was converted (Leads).
                project.AddStepsFromTemplates(templates.Where(t => t.Phase == Phase.Intake && productEntities.Any(p => p.Id == t.ProductId)), createdDay);
            }

            // Earlier offers that came to nothing, now and then.
            var missing = offerTrajectory - offerCount - (spec.Phase == Phase.Intake ? 0.75 : 1);
            var earlier = Math.Clamp((int)missing + (rng.Double() < missing % 1 ? 1 : 0), 0, 3);
            var offerDay = createdDay.AddDays(rng.Number(7, 21));
            for (var i = 0; i < earlier && offerDay < today.AddDays(-5); i++)
            {
                var status = rng.Bool() ? OfferStatus.Declined : OfferStatus.Expired;
                built.Offers.Add(NewOffer(project, productEntities, language, sales, offerDay, status, null, 0));
                offerDay = offerDay.AddDays(rng.Number(30, 60));
            }

            Person? signer = null;
            OfferRevision? accepted = null;
            DateTime acceptUtc = default;
            if (spec.Phase == Phase.Intake)
            {
                var roll = rng.Double();
                if (roll < 0.75)
                {
                    var status = roll switch { < 0.25 => OfferStatus.Draft, < 0.55 => OfferStatus.Sent, < 0.65 => OfferStatus.Declined, _ => OfferStatus.Expired };
                    var day = status == OfferStatus.Draft ? today.AddDays(-rng.Number(0, 10)) : status == OfferStatus.Sent ? today.AddDays(-rng.Number(1, 40)) : today.AddDays(-rng.Number(35, 60));
                    built.Offers.Add(NewOffer(project, productEntities, language, sales, day < createdDay ? createdDay : day, status, null, 0));
                }
            }
            else
            {
                signer = spec.Owners.SelectMany(c => c.Contacts).FirstOrDefault(p => p.Signs) ?? owner.Contacts.FirstOrDefault() ?? throw new InvalidOperationException($"{owner.Name} ({owner.Id}, demo {owner.Demo}) has no contacts");
                acceptUtc = At(acceptDay, rng.Number(8, 15), rng.Number(0, 59));
                var offer = NewOffer(project, productEntities, language, sales, acceptDay.AddDays(-rng.Number(5, 25)), OfferStatus.Accepted, signer, spec.ExtraActivities < 0 ? 1 : 0);
                accepted = offer.Revisions[^1];
                accepted.AcceptedUtc = acceptUtc;
                built.Offers.Add(offer);
                if (spec.ExtraActivities < 0)
                {
                    // The long project's offer names its archive parts one by one; each becomes a step of its own at acceptance.
                    var own = 300 - 5 - ProjectPlanPreview(project, productEntities, installed, start);
                    var order = accepted.Activities.Max(a => a.SortOrder);
                    for (var i = 1; i <= own; i++)
                    {
                        accepted.Activities.Add(new OfferActivity
                        {
                            Description = $"Migrering av arkivdel {i:D3}: {Names.Place(rng)}", Quantity = rng.Number(4, 24), Unit = "timer", UnitPrice = 1450,
                            DurationWeeks = rng.Number(1, 3), SortOrder = ++order,
                        });
                    }
                }

                // Acceptance (OfferDecision): intake done, the queue, the plan from the templates, the activities mapped, a project lead.
                foreach (var step in project.Steps.Where(s => s.Phase == Phase.Intake && s.IsOpen))
                {
                    step.SetStatus(StepStatus.Done, acceptUtc);
                }

                var started = start <= today;
                built.Queue = new CloudQueueEntry
                {
                    Project = project, QueuedUtc = acceptUtc, Position = started ? 0 : ++queuePosition, StartedUtc = started ? At(start, 8) : null,
                };
                var later = templates.Where(t => productEntities.Any(p => p.Id == t.ProductId) && t.Phase != Phase.Intake).ToList();
                ProjectPlan.AddFromTemplates(project, later, installed, start);
                ProjectPlan.MapActivities(project, accepted.Activities, start);

                // Products added to the project later (the project form adds only the steps still missing), when the data set needs the steps.
                foreach (var code in ExtraCodes.Where(c => !spec.Codes.Contains(c)))
                {
                    if (stepCount + project.Steps.Count + 8 > stepTrajectory || spec.ExtraActivities < 0)
                    {
                        break;
                    }

                    project.Products.Add(new ProjectProduct { ProductId = products[code].Id });
                    ProjectPlan.AddFromTemplates(project, templates.Where(t => t.ProductId == products[code].Id && t.Phase != Phase.Intake), installed, start, countFromFirst: false);
                }

                project.PlannedGoLive = project.Steps.FirstOrDefault(s => s.Milestone == MilestoneKind.GoLive)?.PlannedStart ?? project.Steps.Max(s => s.Due);
                Kickoff(built, project, spec.Owners, lead, language, acceptUtc);
                Checklist(built, project, spec, signer, start, language);
            }

            SetStatuses(project, spec.Phase, lead);
            stepCount += project.Steps.Count;
            built.Done.Add(() =>
            {
                foreach (var s in project.Steps)
                {
                    StepHistory(s, lead, project);
                }
            });
            if (spec.ExtraActivities < 0)
            {
                built.Done.Add(() => longProject = (project.Id, project.Name, project.Steps.Count));
            }

            Transitions(built, project, spec.Phase, signer, acceptUtc, lead);
            Meetings(built, project, spec, lead, language, meetingRate, createdDay);
            if (spec.Phase == Phase.Intake)
            {
                Questionnaire(built, project, owner, created);
                if (spec.FromLead)
                {
                    built.Later.Add(db =>
                    {
                        var leadRow = new Lead
                        {
                            CustomerId = owner.Id, Source = rng.ArrayElement(Enum.GetValues<LeadSource>()), OwnerUserId = sales.Id, Status = LeadStatus.Converted, ProjectId = project.Id,
                            CreatedUtc = created.AddDays(-rng.Number(2, 20)), Notes = "Ønsker skydrift; konvertert til prosjekt.",
                        };
                        leadRow.Products.AddRange(productEntities.Select(p => new LeadProduct { ProductId = p.Id }));
                        db.Leads.Add(leadRow);
                        leadsMade++;
                    });
                }
            }

            if (spec.Phase == Phase.Operations)
            {
                var entered = project.HandoverAcceptedUtc!.Value;
                built.Done.Add(() => inOperation.Add(new OpsProject(project.Id, project.Name, entered, spec.Owners.OrderBy(c => c.Id).ToList(), lead)));
            }

            return built;
        }

        private int leadsMade;

        /// <summary>How many steps the templates give a project with these products (to make the long project exactly 300).</summary>
        private int ProjectPlanPreview(Project project, List<Product> productEntities, HashSet<string> installed, DateOnly start)
        {
            var probe = new Project { Name = project.Name };
            probe.Products.AddRange(project.Products.Select(p => new ProjectProduct { ProductId = p.ProductId }));
            ProjectPlan.AddFromTemplates(probe, templates.Where(t => productEntities.Any(p => p.Id == t.ProductId) && t.Phase != Phase.Intake), installed, start);
            var activities = OfferDefaults.Activities(productEntities.Select(p => p.Code).ToList(), key => key).ToList();
            ProjectPlan.MapActivities(probe, activities, start);
            return probe.Steps.Count;
        }

        private Offer NewOffer(Project project, List<Product> productEntities, string language, Staff sales, DateOnly day, OfferStatus final, Person? signer, int longOffer)
        {
            var year = day.Year;
            var number = offerCounters[year] = offerCounters.GetValueOrDefault(year) + 1;
            var createdUtc = At(day, rng.Number(8, 15), rng.Number(0, 59));
            var offer = new Offer { Project = project, Number = $"T-{year}-{number:D4}", CreatedUtc = createdUtc };
            offerCount++;
            var revisions = final is OfferStatus.Draft ? 1 : rng.Double() < 0.3 ? 2 : 1;
            var text = kickoffTexts.In(language);
            var sentDay = day;
            for (var n = 1; n <= revisions; n++)
            {
                OfferRevision r;
                using (new CultureScope(language))
                {
                    r = OfferDefaults.NewDraft(project.Name, productEntities, language, queueWaiting: rng.Number(0, 60), sentDay,
                        CloudQueue.ExpectedStartMonth(rng.Number(1, 80), 40, sentDay), sales.Id, createdUtc.AddDays(sentDay.DayNumber - day.DayNumber), text);
                }

                r.Revision = n;
                foreach (var a in r.Activities.Where(a => a.PriceKind == PriceKind.Unit))
                {
                    a.Quantity = Math.Max(1, decimal.Round(a.Quantity * (decimal)(0.8 + (rng.Double() * 0.6))));
                }

                if (longOffer == 0 && rng.Double() < 0.03)
                {
                    // Now and then a detailed offer, a line per part of the work: three pages or more as a PDF.
                    var order = r.Activities.Max(a => a.SortOrder);
                    for (var i = 1; i <= rng.Number(30, 60); i++)
                    {
                        r.Activities.Add(new OfferActivity { Description = $"{ExtraLines[i % ExtraLines.Length]}, del {i}", Quantity = rng.Number(2, 16), Unit = "timer", UnitPrice = 1450, SortOrder = ++order });
                    }
                }
                else if (longOffer == 0 && rng.Double() < 0.5)
                {
                    // Extra lines the sales people add (an offer of about ten lines, some of them longer).
                    var order = r.Activities.Max(a => a.SortOrder);
                    foreach (var extra in rng.Shuffle(ExtraLines).Take(rng.Number(1, 4)))
                    {
                        r.Activities.Add(new OfferActivity { Description = extra, Quantity = rng.Number(4, 40), Unit = "timer", UnitPrice = 1450, SortOrder = ++order });
                    }
                }

                var isLast = n == revisions;
                var status = isLast ? final : OfferStatus.Superseded;
                r.Status = status switch { OfferStatus.Expired when rng.Bool() => OfferStatus.Sent, _ => status };
                if (status != OfferStatus.Draft)
                {
                    r.SentUtc = At(sentDay, rng.Number(9, 15), rng.Number(0, 59));
                    r.ValidUntil = sentDay.AddDays(OfferDefaults.ValidDays);
                    var by = sales;
                    var revision = r;
                    history.Add(new AuditCandidate(r.SentUtc.Value, by, nameof(OfferRevision), () => revision.Id.ToString(CultureInfo.InvariantCulture), "Modified", nameof(OfferRevision.Status), "Draft", "Sent", () => project.Id, null));
                    NotifySent(offer, revision, project, language);
                }

                if (status == OfferStatus.Declined)
                {
                    r.DeclinedUtc = r.SentUtc!.Value.AddDays(rng.Number(2, 20));
                    r.DeclineReason = rng.ArrayElement(DeclineReasons);
                }

                if (status == OfferStatus.Accepted && signer is not null)
                {
                    r.AcceptedByContactId = signer.Id;
                    r.AcceptedByName = signer.Name;
                    r.AcceptedFromIp = $"192.0.2.{rng.Number(1, 254)}";
                    r.AcceptedUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
                }

                offer.Revisions.Add(r);
                sentDay = sentDay.AddDays(rng.Number(5, 15));
            }

            return offer;
        }

        private static readonly string[] WebSakVersions = ["2021.2", "2022.3", "2023.1", "2024.2"];

        private static readonly string[] ExtraCodes = ["einnsyn", "politikk", "uttrekk"];

        private static readonly string[] PreferredStarts = ["Tidlig 2027", "Våren 2027", "Høsten 2027", "Så snart som mulig"];

        private static readonly string[] LeadNotes = ["Ringte etter brukerseminaret.", "Spør om pris for skydrift av WebSak.", "Anbud på sak/arkiv.", "Vil vite mer om skjemaverktøyet."];

        private static readonly string[] ExtraLines =
        [
            "Konvertering av dokumentmaler", "Oppsett av SvarUt og KS Fiks", "Integrasjon mot økonomisystemet", "Integrasjon mot HR-systemet",
            "Ekstra opplæring for arkivtjenesten", "Kvalitetssikring av migrerte data", "Tilpasning av eInnsyn-publisering", "Etablering av testmiljø for fagsystem",
        ];

        private static readonly string[] DeclineReasons =
        [
            "Budsjettet for neste år er ikke vedtatt.", "Vi har valgt en annen leverandør etter anbudet.", "Vi venter til fylkessammenslåingen er avklart.",
            "Prisen er høyere enn forventet.", "Prosjektet er utsatt av kommunedirektøren.",
        ];

        /// <summary>Sending an offer tells the customer's contacts with a login (SendOffer through ProjectNotifier).</summary>
        private void NotifySent(Offer offer, OfferRevision r, Project project, string language)
        {
            var at = r.SentUtc!.Value;
            foreach (var owner in customers.Where(c => project.Customers.Any(pc => pc.CustomerId == c.Id)))
            {
                foreach (var person in owner.Contacts.Where(p => p.UserId != null))
                {
                    mails.Add(new MailCandidate(at, () =>
                    {
                        using var _ = new CultureScope(language);
                        var subject = l["Notice.OfferSent.Subject", offer.Number, r.Title].Value;
                        var (text, html) = MailBody.Render(subject, [l["Notice.OfferSent.Body", r.Title, project.Name, Display.Date(r.ValidUntil)], l["Notice.OfferSent.Next"]],
                            (l["Notice.OfferSent.Link"], $"https://portal.example/offers/{r.Id}"), l["Notice.Footer", "Leverandøren AS"].Value, language);
                        return Mail($"offer-sent:{r.Id}:{person.Email.ToLowerInvariant()}", NotificationKind.OfferSent, person, language, subject, text, html, project.Id, at);
                    }));
                }
            }

            if (r.Status is not OfferStatus.Draft)
            {
                sentRevisionsPending.Add(r);
            }
        }

        private readonly List<OfferRevision> sentRevisionsPending = [];

        private OutboxMessage Mail(string key, NotificationKind kind, Person to, string language, string subject, string text, string? html, int projectId, DateTime at, string? ics = null, string? method = null) =>
            new()
            {
                Key = key, Kind = kind, ToAddress = to.Email.ToLowerInvariant(), ToName = to.Name, Language = language, Subject = subject, TextBody = text, HtmlBody = html,
                Ics = ics, IcsMethod = method, MessageId = $"{Convert.ToHexStringLower(rng.Bytes(16))}@migrationportal", CreatedUtc = at, NextAttemptUtc = at,
                ProjectId = projectId, UserId = to.UserId,
            };

        /// <summary>Steps as the demo data sets them: earlier phases done, later ones not started, the current one by its dates.</summary>
        private void SetStatuses(Project project, Phase phase, Staff lead)
        {
            foreach (var s in project.Steps)
            {
                var status = s.Phase < phase ? StepStatus.Done
                    : s.Phase > phase ? StepStatus.NotStarted
                    : s.Due < today ? (rng.Double() < 0.9 ? StepStatus.Done : StepStatus.InProgress)
                    : s.PlannedStart <= today ? StepStatus.InProgress
                    : StepStatus.NotStarted;
                if (phase == Phase.Operations && s.Phase == Phase.Operations && s.Due >= today)
                {
                    status = StepStatus.NotStarted;
                }

                if (status == StepStatus.InProgress && rng.Double() < 0.03)
                {
                    status = StepStatus.Blocked;
                }

                var due = s.Due ?? today;
                var completed = due < today ? At(due, rng.Number(8, 16), rng.Number(0, 59)) : now.AddHours(-rng.Number(1, 72));
                if (s.Status != StepStatus.Done || status != StepStatus.Done)
                {
                    s.SetStatus(status, completed);
                }

                s.AssigneeUserId = s.Responsible == ResponsibleParty.Vendor ? lead.Id : null;
            }
        }

        private void StepHistory(Step s, Staff lead, Project project)
        {
            Func<string> id = () => s.Id.ToString(CultureInfo.InvariantCulture);
            Func<int?> pid = () => project.Id;
            if (s.Status is StepStatus.InProgress or StepStatus.Done or StepStatus.Blocked && s.PlannedStart is { } started && started <= today)
            {
                history.Add(new AuditCandidate(At(started, 9, rng.Number(0, 59)), lead, nameof(Step), id, "Modified", nameof(Step.Status), "NotStarted", "InProgress", pid, null));
            }

            if (s.Status == StepStatus.Done && s.CompletedUtc is { } done)
            {
                history.Add(new AuditCandidate(done, lead, nameof(Step), id, "Modified", nameof(Step.Status), "InProgress", "Done", pid, null));
                history.Add(new AuditCandidate(done, lead, nameof(Step), id, "Modified", nameof(Step.CompletedUtc), null, done.ToString("O", CultureInfo.InvariantCulture), pid, null));
            }

            if (s.Status == StepStatus.Blocked)
            {
                history.Add(new AuditCandidate(now.AddDays(-rng.Number(1, 10)), lead, nameof(Step), id, "Modified", nameof(Step.Status), "InProgress", "Blocked", pid, null));
            }
        }

        private void Transitions(Built built, Project project, Phase phase, Person? signer, DateTime acceptUtc, Staff lead)
        {
            if (phase == Phase.Intake)
            {
                return;
            }

            var moves = new List<PhaseTransition>
            {
                new() { From = Phase.Intake, To = Phase.Setup, Kind = PhaseTransitionKind.Acceptance, AtUtc = acceptUtc, UserId = signer?.UserId, UserName = signer?.Name ?? "MigrationPortal" },
            };
            if (phase >= Phase.GoLive)
            {
                var signOff = project.Steps.First(s => s.TemplateKey == PlanKeys.TestSignOff);
                var at = signOff.CompletedUtc ?? now.AddDays(-1);
                moves.Add(new PhaseTransition { From = Phase.Setup, To = Phase.GoLive, Kind = PhaseTransitionKind.TestSignOff, AtUtc = at, UserId = signer?.UserId, UserName = signer?.Name ?? "MigrationPortal" });
                var cutover = project.Steps.First(s => s.TemplateKey == PlanKeys.Cutover);
                project.CutoverStartUtc = At(cutover.PlannedStart!.Value, 17);
                project.CutoverEndUtc = At(cutover.PlannedStart!.Value.AddDays(1), 6);
                if (cutover.PlannedStart <= today)
                {
                    project.FirstProductionDay = cutover.PlannedStart.Value.AddDays(1);
                }
            }

            if (phase == Phase.Operations)
            {
                var handover = project.Steps.First(s => s.TemplateKey == PlanKeys.Handover);
                var at = handover.CompletedUtc ?? At(handover.Due!.Value, 12);
                var centre = staff.Where(s => s.Role == Roles.CloudCenter).First(s => s.Id == project.LeadUserId);
                project.HandoverRequestedUtc = at.AddDays(-2);
                project.HandoverRequestedByName = lead.Name;
                project.HandoverAcceptedUtc = at;
                project.HandoverAcceptedByName = centre.Name;
                moves.Add(new PhaseTransition { From = Phase.GoLive, To = Phase.Operations, Kind = PhaseTransitionKind.Handover, AtUtc = at, UserId = centre.Id, UserName = centre.Name });
            }

            built.Later.Add(db =>
            {
                foreach (var m in moves)
                {
                    m.ProjectId = project.Id;
                }

                db.PhaseTransitions.AddRange(moves);
            });
        }

        private void Kickoff(Built built, Project project, List<Cust> owners, Staff lead, string language, DateTime acceptUtc)
        {
            var day = Weekday(project.Steps.FirstOrDefault(s => s.Milestone == MilestoneKind.Kickoff)?.PlannedStart ?? project.PlannedStart ?? today);
            var meeting = new Meeting
            {
                Kind = MeetingKind.Kickoff, Title = kickoffTexts.Title(language, project.Name), StartUtc = At(day, 10), EndUtc = At(day, 12),
                Agenda = kickoffTexts.Agenda(language), CustomerVisible = true,
            };
            meeting.Participants.Add(new MeetingParticipant { UserId = lead.Id, Name = lead.Name });
            var invited = owners.SelectMany(c => c.Contacts).Where(p => p.UserId != null).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            meeting.Participants.AddRange(invited.Select(p => new MeetingParticipant { ContactId = p.Id, Name = p.Name }));
            if (day < today)
            {
                meeting.Minutes = "Prosjektplanen ble gjennomgått. Kunden gir tilgang innen to uker.";
            }

            project.Meetings.Add(meeting);
            AddMeeting(project, meeting, invited, lead, language, acceptUtc);
        }

        private void Meetings(Built built, Project project, Spec spec, Staff lead, string language, double rate, DateOnly createdDay)
        {
            var contacts = spec.Owners.SelectMany(c => c.Contacts).ToList();
            var count = spec.Phase == Phase.Operations ? 0 : (int)rate + (rng.Double() < rate % 1 ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var (kind, title, place) = spec.Phase switch
                {
                    Phase.Intake => i == 0 ? (MeetingKind.Initial, $"Innledende møte {spec.Owners[0].Name}", "Teams") : (MeetingKind.FollowUp, "Oppfølgingsmøte kartlegging", $"Rådhuset, {spec.Owners[0].Name}"),
                    _ => rng.Double() switch
                    {
                        < 0.6 => (MeetingKind.Status, $"Statusmøte {i + 1}: {rng.ArrayElement(StatusTopics)}", "Teams"),
                        < 0.85 => (MeetingKind.Training, $"Opplæring: {rng.ArrayElement(TrainingTopics)}", $"{spec.Owners[0].Name}, møterom {rng.Number(1, 12)}"),
                        _ => (MeetingKind.Other, "Intern gjennomgang av serveroppsett", (string?)null),
                    },
                };
                var from = spec.Phase == Phase.Intake ? createdDay : project.PlannedStart!.Value;
                var day = Weekday(from.AddDays(rng.Number(0, 120)));
                var hour = rng.Number(8, 14);
                var people = rng.Shuffle(contacts).Take(rng.Number(1, 3)).ToList();
                var meeting = new Meeting
                {
                    Kind = kind, Title = title, StartUtc = At(day, hour), EndUtc = At(day, hour + rng.Number(1, 2)), Location = place,
                    OnlineLink = place == "Teams" ? $"https://teams.example/l/meetup/{rng.Number(100_000, 999_999)}" : null,
                    Agenda = "1. Status siden sist\n2. Risiko og avvik\n3. Neste steg", CustomerVisible = kind != MeetingKind.Other,
                    Minutes = day < today ? rng.ArrayElement(Minutes) : null,
                };
                meeting.Participants.Add(new MeetingParticipant { UserId = lead.Id, Name = lead.Name });
                if (meeting.CustomerVisible)
                {
                    meeting.Participants.AddRange(people.Select(p => new MeetingParticipant { ContactId = p.Id, UserId = p.UserId, Name = p.Name }));
                }

                project.Meetings.Add(meeting);
                AddMeeting(project, meeting, meeting.CustomerVisible ? people : [], lead, language, meeting.StartUtc.AddDays(-rng.Number(7, 28)));
            }
        }

        private static readonly string[] StatusTopics = ["migrering og testplan", "tilganger", "testfunn", "opplæringsplan", "produksjonssetting", "oppfølging etter go-live"];

        private static readonly string[] TrainingTopics = ["WebSak+ for superbrukere", "arkivering og journalføring", "skjemabygger", "møtemodulen", "eInnsyn"];

        private static readonly string[] Minutes =
        [
            "Gjennomgått status; ingen nye avvik.", "Tilgangene er på plass. Testen starter som planlagt.", "To funn fra testen er rettet; ett gjenstår.",
            "Opplæringen ble gjennomført med god deltakelse.", "Kunden ønsker å flytte produksjonssettingen én uke.",
        ];

        /// <summary>Counts the meeting, writes its history, and invites its people (MeetingInvitations: one REQUEST per recipient).</summary>
        private void AddMeeting(Project project, Meeting meeting, IReadOnlyList<Person> invited, Staff lead, string language, DateTime createdUtc)
        {
            meetingCount++;
            var at = createdUtc < now ? createdUtc : now.AddHours(-rng.Number(1, 48));
            history.Add(new AuditCandidate(at, lead, nameof(Meeting), () => meeting.Id.ToString(CultureInfo.InvariantCulture), "Created", null, null, meeting.Title, () => project.Id, null));
            if (meeting.Minutes is not null)
            {
                history.Add(new AuditCandidate(meeting.EndUtc < now ? meeting.EndUtc.AddHours(2) : now, lead, nameof(Meeting), () => meeting.Id.ToString(CultureInfo.InvariantCulture), "Modified", nameof(Meeting.Minutes), null, meeting.Minutes, () => project.Id, null));
            }

            foreach (var person in invited)
            {
                mails.Add(new MailCandidate(at, () => Invitation(project, meeting, person, lead, language, at)));
            }
        }

        private OutboxMessage Invitation(Project project, Meeting meeting, Person to, Staff lead, string language, DateTime at)
        {
            using var _ = new CultureScope(language);
            var pageUrl = $"https://portal.example/projects/{project.Id}/meetings/{meeting.Id}";
            var ics = MeetingCalendar.Write(MeetingCalendar.Request, [new CalendarMeeting(meeting.Uid, meeting.Sequence, meeting.StartUtc, meeting.EndUtc, meeting.Title, meeting.Location,
                MeetingCalendar.Description(l, meeting.Agenda, meeting.OnlineLink, pageUrl), meeting.OnlineLink, false, new CalendarPerson(lead.Name, lead.Email), [new CalendarPerson(to.Name, to.Email)])], at);
            var subject = l["Invite.Subject.Request", meeting.Title].Value;
            List<string> paragraphs = [l["Invite.Intro.Request", project.Name], l["Invite.When", MeetingCalendar.When(l, meeting.StartUtc, meeting.EndUtc)]];
            if (meeting.Location is { } place)
            {
                paragraphs.Add(l["Invite.Where", place]);
            }

            var (text, html) = MailBody.Render(subject, paragraphs, (l["Invite.Open"], pageUrl), l["Invite.Footer", "Leverandøren AS"], language);
            return Mail($"meeting:{meeting.Id}:{meeting.Sequence}:{MeetingCalendar.Request}:{to.Email.ToLowerInvariant()}", NotificationKind.Meeting, to, language, subject, text, html, project.Id, at, ics, MeetingCalendar.Request);
        }

        private void Checklist(Built built, Project project, Spec spec, Person signer, DateOnly start, string language)
        {
            var items = MigrationChecklist.Standard(spec.Codes.Where(c => c is "websak" or "forms").ToList(), start, kickoffTexts.In(language)).ToList();
            foreach (var item in items)
            {
                var done = spec.Phase >= Phase.GoLive || (spec.Phase == Phase.Setup && item.Due < today && rng.Double() < 0.85);
                if (done)
                {
                    item.SetStatus(rng.Double() < 0.05 ? ChecklistStatus.NotApplicable : ChecklistStatus.Done, At(item.Due!.Value.AddDays(-rng.Number(0, 3)), 13), signer.Name);
                }

                item.Project = project;
            }

            built.Later.Add(db => db.ChecklistItems.AddRange(items));
        }

        private void Questionnaire(Built built, Project project, Cust owner, DateTime created)
        {
            if (rng.Double() >= 0.5)
            {
                return;
            }

            var submitted = rng.Bool();
            var by = owner.Contacts[0].Name;
            var q = new MappingQuestionnaire
            {
                Needs = "Sak- og arkivsystem for hele organisasjonen, med eInnsyn og SvarUt.", WhyCloud = "Færre egne servere og raskere oppgraderinger.",
                InternalResources = $"{rng.Number(1, 3)} arkivarer og én IT-ressurs i {rng.Number(1, 5) * 10} %.", HelpNeeded = "Migrering, testklienter og opplæring.",
                PreferredStart = rng.ArrayElement(PreferredStarts), WantsMoreMeetings = rng.Bool(),
                NeedsMappingProject = rng.Double() < 0.2, Status = submitted ? QuestionnaireStatus.Submitted : QuestionnaireStatus.Draft,
                SubmittedUtc = submitted ? created.AddDays(rng.Number(3, 20)) is var s && s < now ? s : now.AddHours(-3) : null, SubmittedBy = submitted ? by : null,
            };
            built.Later.Add(db =>
            {
                q.ProjectId = project.Id;
                db.Questionnaires.Add(q);
            });
        }

        // ---------------------------------------------------------------- leads, wheel, upgrades

        private async Task AddLeadsAsync(CancellationToken ct)
        {
            var wanted = Math.Max(0, T(Target.Leads) - leadsMade - 2);
            var open = (int)(wanted * 0.6);
            await using var db = bulk.Create();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var leads = new List<Lead>();
            for (var i = 0; i < wanted; i++)
            {
                var source = rng.ArrayElement(Enum.GetValues<LeadSource>());
                var sales = StaffOf(Roles.Sales, 0.5);
                var lead = new Lead
                {
                    CustomerId = rng.ListItem(customers).Id, Source = source, OwnerUserId = sales.Id, Status = i < open ? LeadStatus.Open : LeadStatus.Lost,
                    TenderReference = source == LeadSource.PublicTender ? $"2026-{rng.Number(100_000, 999_999)}" : null,
                    TenderDeadline = source == LeadSource.PublicTender ? today.AddDays(rng.Number(-30, 60)) : null,
                    CreatedUtc = now.AddDays(-rng.Number(1, 400)).AddMinutes(-rng.Number(0, 600)),
                    Notes = rng.ArrayElement(LeadNotes),
                };
                lead.Products.Add(new LeadProduct { ProductId = products[rng.Bool() ? "websak" : "forms"].Id });
                leads.Add(lead);
            }

            db.Leads.AddRange(leads);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            foreach (var lead in leads)
            {
                var by = staff.First(s => s.Id == lead.OwnerUserId);
                history.Add(new AuditCandidate(lead.CreatedUtc, by, nameof(Lead), Id(lead.Id), "Created", null, null, lead.Source.ToString(), NoProject, lead.CustomerId));
            }

            Log($"{leads.Count + leadsMade} leads");
        }

        /// <summary>
        /// The annual wheel of every project in operation, as <c>AnnualWheelJob</c> plans it (same slots from <see cref="AnnualWheel.Plan"/>,
        /// same keys, titles, participants), for the coming twelve months; and the past year's wheel meetings, planned by the job's earlier runs.
        /// </summary>
        private async Task AddWheelAsync(CancellationToken ct)
        {
            var meetings = new List<Meeting>();
            foreach (var p in inOperation)
            {
                var statusMonth = p.Owners.Select(o => o.StatusMonth).FirstOrDefault(m => m is not null);
                var language = p.Owners[0].Language;
                var start = DateOnly.FromDateTime(Display.ToOslo(p.EnteredUtc));
                var earlierRun = start > today.AddMonths(-12) ? start : today.AddMonths(-12);
                var slots = AnnualWheel.Plan(p.Id, earlierRun, start, statusMonth, WorkCalendar.IsHoliday).Where(s => s.Date < today)
                    .Concat(AnnualWheel.Plan(p.Id, today, start, statusMonth, WorkCalendar.IsHoliday));
                foreach (var slot in slots)
                {
                    string title;
                    using (new CultureScope(language))
                    {
                        title = slot.Kind == WheelMeetingKind.Status ? l["Wheel.StatusMeetingTitle", slot.Date.Year].Value : l["Wheel.CustomerCentreTitle", slot.Quarter, slot.Date.Year].Value;
                    }

                    var meeting = new Meeting
                    {
                        ProjectId = p.Id, Kind = slot.Kind == WheelMeetingKind.Status ? MeetingKind.Status : MeetingKind.Other, Title = title,
                        StartUtc = Display.FromOslo(slot.Date.ToDateTime(slot.Start)), EndUtc = Display.FromOslo(slot.Date.ToDateTime(slot.End)), CustomerVisible = true, WheelKey = slot.Key,
                        Minutes = slot.Date < today ? rng.ArrayElement(Minutes) : null,
                    };
                    meeting.Participants.AddRange(p.Owners.SelectMany(o => o.Contacts).Select(x => new MeetingParticipant { ContactId = x.Id, UserId = x.UserId, Name = x.Name }));
                    meeting.Participants.Add(new MeetingParticipant { UserId = p.Lead.Id, Name = p.Lead.Name });
                    meetings.Add(meeting);
                    var plannedAt = At(slot.Date < today ? (start > slot.Date.AddMonths(-12) ? start : slot.Date.AddMonths(-12)) : today, 5);
                    var project = new Project { Id = p.Id, Name = p.Name };
                    history.Add(new AuditCandidate(plannedAt < now ? plannedAt : now, null, nameof(Meeting), () => meeting.Id.ToString(CultureInfo.InvariantCulture), "Created", null, null, meeting.Title, () => p.Id, null));
                    var invitedAt = meeting.StartUtc.AddDays(-28);
                    if (invitedAt <= now)
                    {
                        foreach (var person in p.Owners.SelectMany(o => o.Contacts))
                        {
                            mails.Add(new MailCandidate(invitedAt, () => Invitation(project, meeting, person, p.Lead, language, invitedAt)));
                        }
                    }
                }
            }

            foreach (var batch in meetings.Chunk(3000))
            {
                await using var db = bulk.Create();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Meetings.AddRange(batch);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            meetingCount += meetings.Count;

            // The job itself then plans what is left: the demo's customer in operation (the demo leaves it to the job's first run).
            await using var scope = app.Services.CreateAsyncScope();
            var byJob = await scope.ServiceProvider.GetRequiredService<Web.Features.Wheel.AnnualWheelJob>().PlanAsync(ct);
            meetingCount += byJob;
            Log($"annual wheel: {meetings.Count} meetings for {inOperation.Count} projects in operation, {byJob} more by AnnualWheelJob");
        }

        /// <summary>A forms release beside the demo's WebSak releases, and the app's own upgrade-notice job run once at "now".</summary>
        private async Task AddUpgradeNoticesAsync(CancellationToken ct)
        {
            await using (var db = bulk.Create())
            {
                db.UpgradeReleases.Add(new UpgradeRelease
                {
                    ProductId = products["forms"].Id, ProductVersion = "2026.4", Size = ReleaseSize.Small, PlannedDate = Weekday(today.AddDays(9)),
                    Description = "Nye felttyper og raskere innsending.", InfoUrl = "https://leverandor.example/skjema/2026-4", CreatedUtc = now.AddDays(-14),
                });
                await db.SaveChangesAsync(ct);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<UpgradeNoticesJob>();
            await job.RunAsync(ct);
            await using var read = bulk.Create();
            Log($"upgrade notices: {await read.UpgradeNotices.CountAsync(ct)} (by UpgradeNoticesJob)");
        }

        // ---------------------------------------------------------------- outbox, history, PDFs

        private async Task AddOutboxAsync(CancellationToken ct)
        {
            await using var count = bulk.Create();
            var wanted = Math.Max(0, T(Target.Outbox) - await count.Outbox.CountAsync(ct));
            var chosen = Sample(mails, wanted).OrderBy(m => m.At).ToList();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var rows = new List<OutboxMessage>();
            foreach (var c in chosen)
            {
                var m = c.Make();
                if (!keys.Add(m.Key))
                {
                    continue;
                }

                var age = now - m.CreatedUtc;
                var roll = rng.Double();
                if (age < TimeSpan.FromHours(2) || roll < 0.02)
                {
                    m.Status = OutboxStatus.Pending;
                    m.Attempts = roll < 0.01 ? rng.Number(1, 3) : 0;
                    m.LastError = m.Attempts > 0 ? "4.4.1 Connection timed out" : null;
                    m.NextAttemptUtc = m.Attempts > 0 ? now.AddMinutes(rng.Number(5, 60)) : m.CreatedUtc;
                }
                else if (roll < 0.04)
                {
                    m.Status = OutboxStatus.Dead;
                    m.Attempts = 8;
                    m.LastError = "5.1.1 Mailbox unavailable";
                    m.NextAttemptUtc = m.CreatedUtc.AddHours(12);
                }
                else
                {
                    m.Status = OutboxStatus.Sent;
                    m.Attempts = 1;
                    m.SentUtc = m.CreatedUtc.AddSeconds(rng.Number(5, 120));
                }

                rows.Add(m);
            }

            foreach (var batch in rows.Chunk(2000))
            {
                await using var db = bulk.Create();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Outbox.AddRange(batch);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            OutboxTotal = rows.Count;
            Log($"outbox: {rows.Count} mails written (of {mails.Count} the app would have sent)");
        }

        private async Task AddHistoryAsync(CancellationToken ct)
        {
            await using var count = bulk.Create();
            var wanted = Math.Max(0, T(Target.Audit) - await count.AuditEntries.CountAsync(ct));
            var rows = Sample(history, wanted).OrderBy(h => h.At).Select(h => DropAutomaticAudit.Explicit(new AuditEntry
            {
                AtUtc = h.At, UserId = h.By?.Id, UserName = h.By?.Email ?? "system", EntityType = h.Type, EntityId = h.EntityId(), Action = h.Action,
                Property = h.Property, OldValue = h.Old, NewValue = h.New, ProjectId = h.ProjectId(), CustomerId = h.CustomerId,
            })).ToList();
            foreach (var batch in rows.Chunk(5000))
            {
                await using var db = bulk.Create();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.AuditEntries.AddRange(batch);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            AuditTotal = rows.Count;
            Log($"history: {rows.Count} audit entries (of {history.Count} changes)");
        }

        /// <summary>A seeded sample of <paramref name="count"/> items (all when there are fewer), in their original order.</summary>
        private List<T> Sample<T>(List<T> items, int count)
        {
            if (count >= items.Count)
            {
                return items;
            }

            var index = Enumerable.Range(0, items.Count).ToArray();
            for (var i = 0; i < count; i++)
            {
                var j = rng.Number(i, index.Length - 1);
                (index[i], index[j]) = (index[j], index[i]);
            }

            return index.Take(count).Order().Select(i => items[i]).ToList();
        }

        /// <summary>Every sent revision keeps the PDF exactly as sent (SendOffer renders it in the same transaction): rendered by the app's OfferPdf.</summary>
        private async Task RenderPdfsAsync(CancellationToken ct)
        {
            var ids = sentRevisionsPending.Select(r => r.Id).Order().ToList();
            var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 4));
            var chunks = ids.Chunk(Math.Max(1, (ids.Count / workers) + 1)).ToList();
            await Task.WhenAll(chunks.Select(chunk => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var pdf = scope.ServiceProvider.GetRequiredService<IOfferDocument>();
                var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
                foreach (var part in chunk.Chunk(200))
                {
                    await using var writer = bulk.Create();
                    await using var tx = await writer.Database.BeginTransactionAsync(ct);
                    foreach (var id in part)
                    {
                        byte[] content;
                        using (new CultureScope("nb-NO"))
                        {
                            content = await pdf.RenderAsync(id, ct);
                        }

                        var sha = OfferRevision.Sha256(content);
                        await writer.OfferRevisions.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PdfContent, content).SetProperty(r => r.PdfSha256, sha), ct);
                        db.ChangeTracker.Clear();
                    }

                    await tx.CommitAsync(ct);
                }
            }, ct)));
            sentRevisions.AddRange(ids);
            Log($"offer PDFs: {ids.Count} rendered by the app's OfferPdf");
        }

        // ---------------------------------------------------------------- the end: references for the benchmark, counts

        private ProjectRef longRef = null!;
        private OfferRef offerRef = null!;
        private CustomerLoginRef loginRef = null!;
        private SearchRef searchRef = null!;
        private Dictionary<string, long> counts = null!;
        private string fingerprint = null!;

        private async Task FinishAsync(CancellationToken ct)
        {
            await using var db = bulk.Create();
            longRef = new ProjectRef(longProject.Id, longProject.Name, await db.Steps.CountAsync(s => s.ProjectId == longProject.Id, ct));

            // A three-page offer PDF: the first sent revision whose stored PDF has three pages.
            offerRef = null!;
            foreach (var id in sentRevisions)
            {
                var row = await db.OfferRevisions.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Id, r.OfferId, r.Offer!.ProjectId, r.Offer.Number, r.PdfContent }).SingleAsync(ct);
                using var stream = new MemoryStream(row.PdfContent!);
                var pages = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import).PageCount;
                if (pages == 3 || (offerRef is null && id == sentRevisions[^1]))
                {
                    offerRef = new OfferRef(row.Id, row.OfferId, row.ProjectId, row.Number, pages);
                    break;
                }
            }

            var kari = bigCustomer.Contacts.First(p => p.UserId != null);
            loginRef = new CustomerLoginRef(kari.Email, bigCustomer.Id, bigCustomer.Name,
                await db.ProjectCustomers.CountAsync(pc => pc.CustomerId == bigCustomer.Id, ct),
                await db.Meetings.CountAsync(m => db.ProjectCustomers.Any(pc => pc.ProjectId == m.ProjectId && pc.CustomerId == bigCustomer.Id), ct));
            const string term = "fjord";
            searchRef = new SearchRef(term, await db.Customers.CountAsync(c => c.SearchText.Contains(term), ct));
            counts = await ScaleFingerprint.CountsAsync(db, ct);
            fingerprint = await ScaleFingerprint.ComputeAsync(db, ct);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            }

            await app.DisposeAsync();
        }

        public ScaleResult Result(double seconds) => new(
            options.Provider.ToString(), options.SqliteFile ?? "(server)", options.Seed, options.Scale, ScaleOptions.Now, Math.Round(seconds, 1), DemoData.DemoPassword,
            DemoData.StaffUsers.Select((s, i) => (Key: i == 3 ? "ProjectLead2" : s.Role, s.Email)).ToDictionary(s => s.Key, s => s.Email, StringComparer.Ordinal),
            customers.SelectMany(c => c.Contacts).Where(p => p.UserId != null).Select(p => p.Email).Take(50).ToList(),
            longRef, offerRef, loginRef, searchRef, (int)counts["ProjectsInOperation"], counts, fingerprint);
    }
}
