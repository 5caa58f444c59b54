#!/usr/bin/env python3
"""Writes src/MigrationPortal.Web/Infrastructure/Security/common-passwords.txt: the passwords the portal refuses
because attackers try them first. Made offline and deterministically from well-known patterns: the passwords that top
every published breach list, keyboard walks, repeated characters and digit runs, and common English and Norwegian
words, first names, places, clubs, months and seasons with the suffixes people add (digits, years, "!", "123").
Entries are lower case (the portal compares case-insensitively), at least 8 characters, one per line, sorted.
Run it again after editing the word lists; it fails if the list is too short or holds the demo password."""
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/MigrationPortal.Web/Infrastructure/Security/common-passwords.txt"
DEMO_PASSWORD = "skydrift-demo-2026"
MIN_LENGTH = 8

# The passwords that head every published breach list, as they are.
TOP = """
123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234 password1 iloveyou
1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 27653 1qaz2wsx 123321 qwertyuiop
superman asdfghjkl trustno1 football baseball welcome master shadow michael jennifer charlie ashley bailey passw0rd
696969 mustang access batman starwars freedom whatever qazwsx ninja azerty solo loveme hello flower hottie lovely
admin administrator login changeme default secret root toor test guest welcome1 p@ssw0rd p@ssword pa55word
password123 password1234 password12345 password! password1! passwordpassword 11111111 00000000 88888888 12341234
987654321 9876543210 147258369 123qwe 123qweasd 1qazxsw2 q1w2e3r4 q1w2e3r4t5 1q2w3e4r5t 1q2w3e4r5t6y zxcvbnm
asdfgh asdf1234 qwer1234 aa123456 abcd1234 abcdefgh abcdefghijkl a1b2c3d4 a1b2c3d4e5f6 iloveyou1 iloveyou2
iloveu 123abc 1234abcd killer hunter ranger buster soccer hockey jordan23 harley tigger summer winter computer
internet michelle jessica daniel thomas andrew joshua matthew robert liverpool chelsea arsenal manchester
letmein1 letmein123 welcome123 welcome2024 admin123 admin1234 administrator1 root1234 qwerty1 qwerty12 qwerty1234
qwertyuiop123 1qaz2wsx3edc zaq1xsw2cde3 !qaz2wsx 1q2w3e 123456a 123456q a123456 q123456 123456789a 12345qwert
qwert12345 1234qwer passord passord1 passord123 hemmelig hemmelig1 sommer sommer2024 vinter norge norge123
""".split()

KEYBOARD_ROWS = ["`1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
                 "qwertzuiopå", "asdfghjkløæ", "azertyuiop", "qsdfghjklm", "!@#$%^&*()_+", "1q2w3e4r5t6y7u8i9o0p",
                 "zaq1xsw2cde3vfr4bgt5nhy6mju7", "qazwsxedcrfvtgbyhnujmikolp", "poiuytrewq", "lkjhgfdsa", "mnbvcxz",
                 "0987654321", "9876543210", "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba", "abcdefghijklmnopqrstuvwxyzæøå"]

ENGLISH = """
password welcome hello secret letmein love iloveyou monkey dragon master shadow sunshine princess football baseball
soccer hockey basketball tennis golf freedom whatever trustno computer internet access summer winter spring autumn
flower garden orange banana apple cherry chocolate cookie cupcake butterfly rainbow angel heaven forever friends
family mother father sister brother daughter children baby darling sweetheart honey sugar pepper ginger happy smile
lucky money dollar diamond golden silver purple yellow blue green black white red pink magic wizard dragonfly tiger
lion eagle falcon wolf bear shark panther cowboy pirate ninja samurai warrior soldier killer hunter ranger player
gamer starwars superman batman spiderman pokemon minecraft fortnite matrix phoenix thunder lightning storm
ocean beach island mountain river forest sunset sunrise moonlight starlight galaxy universe planet rocket
music guitar piano dancer singer rockstar london paris berlin america canada england scotland ireland dallas boston
chicago texas florida california jesus christ blessed faith hope grace trinity church heaven1 beautiful pretty
cutie sexy hottie lovely lover kisses hugs passion desire fire water earth nature coffee whiskey vodka beer pizza
burger cheese bacon turkey chicken dolphin horse pony kitten puppy doggie kitty snoopy garfield mickey minnie
disney barbie prince queen king kingdom empire legend hero champion winner success victory power energy strong
secure security system server network database office company business manager student teacher doctor nurse
college school university football1 letmein1 changeme default unknown nothing something anything everything
qwerty asdfgh zxcvbn mustang ferrari porsche mercedes corvette camaro harley yamaha honda toyota nissan
liverpool chelsea arsenal everton tottenham barcelona madrid juventus united city
""".split()

NORWEGIAN = """
passord hemmelig velkommen hallo heisann kjærlighet elskerdeg jegelskerdeg glad lykke sommer vinter høst vår
sommerferie juleferie påske jul julaften nyttår bursdag fødselsdag norge norway noreg oslo bergen trondheim
stavanger kristiansand tromsø drammen fredrikstad sandnes sarpsborg skien ålesund bodø haugesund tønsberg moss
porsgrunn arendal hamar larvik halden lillehammer molde harstad gjøvik kongsberg narvik alta
rosenborg brann molde vålerenga lillestrøm viking odd start bodøglimt strømsgodset sarpsborg08 haugesund
tromsø lyn skeid stabæk sogndal aalesund kongsvinger
fotball håndball langrenn ski skiløper hopp skøyter sykkel løping fjell fjord hytte hytta sjø båt fisk fiske laks
torsk hund katt hest kanin mus elg bjørn ulv rev ørn måke hund123 katten hunden hesten pusekatt pusen
mamma pappa mormor morfar farmor farfar bestemor bestefar søster bror datter sønn barna familie venner kjæreste
skatt skatten elskling vennen min mittpassord nyttpassord passordet brukernavn bruker admin logginn innlogging
datamaskin maskin jobben jobb kontor skole skolen lærer elev student kommune fylke staten regjeringen
sjokolade kaffe pølse pizza taco brunost fårikål lutefisk pinnekjøtt kjøttkaker vafler boller kanelbolle
rød blå grønn gul svart hvit rosa lilla oransje gull sølv solskinn regnbue stjerne måne sol himmel hav
nordlys midnattsol vinterland snø snømann isbjørn pingvin trollet troll nisse julenisse tomtegubbe
mandag tirsdag onsdag torsdag fredag lørdag søndag
januar februar mars april mai juni juli august september oktober november desember
kongen dronningen prinsesse prins ridder helt vinner mester
""".split()

NAMES = """
ole ola kari per pål espen lars jan nils knut hans bjørn arne tor terje geir svein rune morten tore kjell erik
anders thomas martin andreas kristian jonas magnus henrik fredrik sindre mathias marius daniel sander emil
tobias jakob william oliver filip lucas noah isak aksel olav even håkon vegard øyvind eirik sigurd trond
kristoffer stian petter christian alexander sebastian markus adrian johannes elias theodor kasper mikkel
anne inger kari marit ingrid liv eva berit astrid bjørg hilde randi anita solveig ragnhild siri hege tone
nina heidi camilla ida emma nora sara sofie maria ingeborg thea julie emilie hanna marte karoline ane maja
vilde tuva frida amalie ella leah olivia selma sofia mia linnea aurora hedda elise silje kristine mari guro
line lene marianne tonje stine kristin trine ellen helene kathrine synnøve åse ellinor ragna gunn unni
james john robert michael david william richard joseph charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick
frank raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter
noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan
bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly
lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
""".split()

WORD_SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "!", "1!",
                 "123!", "!!", "01", "007", "69", "99", "00", "11", "22", "13", "21", "2", "3", "?", "#1", "@123",
                 "123456789!", "1234!", "12345!", "abc", "abc123", "qwerty", "321"]
YEARS = [str(y) for y in range(1950, 2031)]
NAME_SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "01", "007", "69", "99", "00"]
LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})


def keyboard_walks():
    for row in KEYBOARD_ROWS:
        for n in range(MIN_LENGTH, len(row) + 1):
            for start in range(0, len(row) - n + 1):
                walk = row[start:start + n]
                yield walk
                yield walk[::-1]
        yield row + row


def repeats():
    for ch in "0123456789abcdefghijklmnopqrstuvwxyzæøå!.*#@-_":
        for n in range(MIN_LENGTH, 21):
            yield ch * n
    for unit in ["12", "123", "1234", "12345", "123456", "abc", "ab", "qwe", "asd", "xyz", "69", "007", "2580",
                 "1212", "1313", "4321", "0000", "hei", "ha", "lol", "ko", "la"]:
        for times in range(2, 11):
            yield unit * times
    # Digit runs up and down, from every start digit, with and without wrap-around.
    digits = "01234567890123456789"
    for start in range(10):
        for n in range(MIN_LENGTH, 21):
            yield digits[start:start + n] if start + n <= len(digits) else ""
            yield digits[::-1][start:start + n] if start + n <= len(digits) else ""


def dates():
    # Birthdays as people type them: ddmmyyyy and yyyymmdd for the years people are born in.
    for year in range(1950, 2026):
        for month in range(1, 13):
            yield f"{1:02d}{month:02d}{year}"
            yield f"{year}{month:02d}01"
        yield f"1705{year}"  # the national day
        yield f"2412{year}"  # Christmas Eve


def words():
    base = sorted(set(ENGLISH) | set(NORWEGIAN))
    for w in base:
        for s in WORD_SUFFIXES:
            yield w + s
        for y in YEARS[50:]:  # 2000 onwards
            yield w + y
            yield w + y + "!"
        yield w + w
        yield w.translate(LEET)
        yield w.translate(LEET) + "1"
        yield w.translate(LEET) + "123"
        yield w.translate(LEET) + "!"
        yield "jegelsker" + w
        yield "ilove" + w
        yield "my" + w
        yield "min" + w
        yield w + "erbest"
        yield w + "isthebest"


def names():
    for n in sorted(set(NAMES)):
        for s in NAME_SUFFIXES:
            yield n + s
        for y in YEARS[20:76]:  # born or married 1970-2025
            yield n + y
        yield n + n
        yield "jegelsker" + n
        yield "ilove" + n
        yield n.translate(LEET) + "123"


def main():
    found = set()
    for source in (TOP, keyboard_walks(), repeats(), dates(), words(), names()):
        for p in source:
            p = p.strip().lower()
            if len(p) >= MIN_LENGTH and " " not in p:
                found.add(p)
    if DEMO_PASSWORD in found:
        sys.exit("the demo password must not be on the list")
    if len(found) < 10_000:
        sys.exit(f"only {len(found)} entries")
    OUT.write_text("".join(p + "\n" for p in sorted(found)), encoding="utf-8")
    at_least_12 = sum(1 for p in found if len(p) >= 12)
    print(f"{len(found)} passwords written to {OUT.name} ({at_least_12} of them 12 characters or more)")


if __name__ == "__main__":
    main()
