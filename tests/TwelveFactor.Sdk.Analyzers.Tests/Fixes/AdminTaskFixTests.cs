using TwelveFactor.Sdk.Analyzers.Tests.Verification;

namespace TwelveFactor.Sdk.Analyzers.Tests.Fixes;

/// <summary>TF1201's fix: a migration among Program.cs's top-level statements runs only as the admin command 'migrate'.</summary>
public class AdminTaskFixTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public async Task A_top_level_migration_is_guarded_behind_the_migrate_command_and_is_no_longer_reported(string processType)
    {
        await new ServiceTest(processType).AsProgram().WithLibraries().WithSource("""
            using System;
            using Microsoft.EntityFrameworkCore;

            var db = new DbContext();
            // Bring the schema up to date.
            {|TF1201:db.Database.Migrate()|};
            using (var other = new DbContext())
            {
                {|TF1201:other.Database.EnsureCreated()|};
            }

            Console.WriteLine("serving");
            """).WithFixedSource("""
            using System;
            using Microsoft.EntityFrameworkCore;

            var db = new DbContext();
            // Bring the schema up to date.
            if (args is ["migrate"])
            {
                db.Database.Migrate();
                return;
            }
            if (args is ["migrate"])
            {
                using (var other = new DbContext())
                {
                    other.Database.EnsureCreated();
                }
                return;
            }

            Console.WriteLine("serving");
            """).RunAsync();
    }

    [Fact]
    public async Task A_program_that_returns_an_exit_code_returns_zero_from_the_command()
    {
        await new ServiceTest().AsProgram().WithLibraries().WithSource("""
            using Microsoft.EntityFrameworkCore;

            var db = new DbContext();
            {|TF1201:db.Database.Migrate()|};
            return args.Length;
            """).WithFixedSource("""
            using Microsoft.EntityFrameworkCore;

            var db = new DbContext();
            if (args is ["migrate"])
            {
                db.Database.Migrate();
                return 0;
            }
            return args.Length;
            """).RunAsync();
    }

    [Fact]
    public async Task A_migration_in_a_method_or_a_declaration_gets_no_fix()
    {
        var code = """
            using Microsoft.EntityFrameworkCore;

            var db = new DbContext();
            var created = {|TF1201:db.Database.EnsureCreated()|};
            Startup.Run(db);

            static class Startup
            {
                public static void Run(DbContext db) => {|TF1201:db.Database.Migrate()|};
            }
            """;
        await new ServiceTest().AsProgram().WithLibraries().WithSource(code).WithFixedSource(code).RunAsync();
    }
}
