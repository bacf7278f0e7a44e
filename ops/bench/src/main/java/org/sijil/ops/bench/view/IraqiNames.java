package org.sijil.ops.bench.view;

import java.util.Random;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;

/**
 * Lineage names drawn the way an Iraqi register holds them: Arab persons with an Arabic name (and a
 * Latin one for some), Kurdish persons with a Sorani name in Kurdish letters, the same name in Arabic
 * letters, and a Latin one for some. Each list is ordered from the most to the least common and
 * drawn from with Zipf weights, so that common names are common: with exponent 0.9 the first male
 * name (محمد) is about one man in six, the first three together one in three, which is the hard case
 * for name search (a query of three common names matches a large share of the register).
 *
 * <p>Sources: the most frequent given names in Iraqi civil-status and voter lists as reported in the
 * press and name-frequency sites (محمد, علي, حسين, أحمد, حسن lead; compound عبد names are written as
 * one word, as the register does), Iraqi Arab tribal and family names (nisba), and common Sorani
 * given and family names of the Kurdistan Region with their usual Latin transliterations.
 */
final class IraqiNames {

    /** {Arabic, Latin}, most common first. */
    static final String[][] ARAB_MEN = {
        {"محمد", "Mohammed"}, {"علي", "Ali"}, {"حسين", "Hussein"}, {"أحمد", "Ahmed"}, {"حسن", "Hassan"},
        {"مصطفى", "Mustafa"}, {"عباس", "Abbas"}, {"عبدالله", "Abdullah"}, {"جعفر", "Jaafar"}, {"حيدر", "Haider"},
        {"كريم", "Karim"}, {"جاسم", "Jasim"}, {"سجاد", "Sajjad"}, {"عمر", "Omar"}, {"مهدي", "Mahdi"},
        {"كاظم", "Kadhim"}, {"قاسم", "Qasim"}, {"ياسر", "Yasir"}, {"إبراهيم", "Ibrahim"}, {"يوسف", "Yousif"},
        {"خالد", "Khalid"}, {"صالح", "Salih"}, {"سعد", "Saad"}, {"عادل", "Adil"}, {"رعد", "Raad"},
        {"ماجد", "Majid"}, {"فاضل", "Fadhil"}, {"ناصر", "Nasir"}, {"سلمان", "Salman"}, {"طارق", "Tariq"},
        {"هادي", "Hadi"}, {"جبار", "Jabbar"}, {"ستار", "Sattar"}, {"رحيم", "Rahim"}, {"نوري", "Nouri"},
        {"وليد", "Walid"}, {"زيد", "Zaid"}, {"مرتضى", "Murtadha"}, {"منتظر", "Muntadhar"}, {"عبدالكريم", "Abdulkarim"},
        {"عبدالأمير", "Abdulameer"}, {"عبدالحسين", "Abdulhussein"}, {"محمود", "Mahmoud"}, {"فلاح", "Falah"},
        {"ضياء", "Dhiaa"}, {"باسم", "Basim"}, {"رياض", "Riyadh"}, {"عماد", "Imad"}, {"لؤي", "Luay"},
        {"إسماعيل", "Ismail"}, {"موسى", "Musa"}, {"عيسى", "Issa"}, {"جواد", "Jawad"}, {"صادق", "Sadiq"},
        {"رضا", "Ridha"}, {"أكرم", "Akram"}, {"سامي", "Sami"}, {"نبيل", "Nabil"}, {"غانم", "Ghanim"},
        {"حميد", "Hamid"}, {"مجيد", "Majeed"}, {"سعيد", "Saeed"}, {"شاكر", "Shakir"}, {"عدنان", "Adnan"},
        {"ثامر", "Thamir"}, {"فراس", "Firas"}, {"أنور", "Anwar"}, {"رائد", "Raed"}, {"سيف", "Saif"},
        {"أمير", "Ameer"}, {"علاء", "Alaa"}, {"بشير", "Bashir"}, {"هاشم", "Hashim"}, {"عقيل", "Aqeel"},
        {"نجم", "Najm"}, {"فيصل", "Faisal"}, {"عبدالرحمن", "Abdulrahman"}, {"عبدالستار", "Abdulsattar"},
        {"خضير", "Khudhair"}, {"كامل", "Kamil"}};

    static final String[][] ARAB_WOMEN = {
        {"فاطمة", "Fatima"}, {"زينب", "Zainab"}, {"مريم", "Maryam"}, {"نور", "Noor"}, {"زهراء", "Zahraa"},
        {"سارة", "Sara"}, {"هدى", "Huda"}, {"رقية", "Ruqaya"}, {"آية", "Aya"}, {"دعاء", "Duaa"},
        {"شيماء", "Shaimaa"}, {"سعاد", "Suad"}, {"ليلى", "Layla"}, {"إسراء", "Israa"}, {"بتول", "Batool"},
        {"نرجس", "Narjis"}, {"حوراء", "Hawraa"}, {"رنا", "Rana"}, {"سلمى", "Salma"}, {"أسماء", "Asmaa"},
        {"خديجة", "Khadija"}, {"أمل", "Amal"}, {"هناء", "Hanaa"}, {"وفاء", "Wafaa"}, {"رشا", "Rasha"},
        {"إيمان", "Iman"}, {"غفران", "Ghufran"}, {"تبارك", "Tabarak"}, {"ضحى", "Dhuha"}, {"بنين", "Baneen"}};

    static final String[][] ARAB_FAMILIES = {
        {"الجبوري", "Al-Jubouri"}, {"الدليمي", "Al-Dulaimi"}, {"التميمي", "Al-Tamimi"}, {"الشمري", "Al-Shammari"},
        {"العبيدي", "Al-Obaidi"}, {"الربيعي", "Al-Rubaie"}, {"الخفاجي", "Al-Khafaji"}, {"الساعدي", "Al-Saadi"},
        {"الموسوي", "Al-Musawi"}, {"الحسيني", "Al-Husseini"}, {"الزبيدي", "Al-Zubaidi"}, {"الكعبي", "Al-Kaabi"},
        {"العزاوي", "Al-Azzawi"}, {"البياتي", "Al-Bayati"}, {"الجنابي", "Al-Janabi"}, {"اللامي", "Al-Lami"},
        {"العامري", "Al-Amiri"}, {"الكناني", "Al-Kinani"}, {"المالكي", "Al-Maliki"}, {"السوداني", "Al-Sudani"},
        {"الحلي", "Al-Hilli"}, {"البغدادي", "Al-Baghdadi"}, {"الطائي", "Al-Taie"}, {"العنزي", "Al-Anazi"},
        {"الكبيسي", "Al-Kubaisi"}, {"الراوي", "Al-Rawi"}, {"الحديثي", "Al-Hadithi"}, {"النعيمي", "Al-Nuaimi"},
        {"السامرائي", "Al-Samarrai"}, {"التكريتي", "Al-Tikriti"}, {"الأسدي", "Al-Asadi"}, {"الياسري", "Al-Yasiri"},
        {"الفتلاوي", "Al-Fatlawi"}, {"الغزي", "Al-Ghazi"}, {"المحمداوي", "Al-Mohammedawi"}, {"الزيدي", "Al-Zaidi"},
        {"البدري", "Al-Badri"}, {"العلوي", "Al-Alawi"}, {"الحكيم", "Al-Hakim"}, {"الخزرجي", "Al-Khazraji"}};

    /** {Sorani in Kurdish letters, the same in Arabic letters, Latin}, most common first. */
    static final String[][] KURD_MEN = {
        {"محەمەد", "محمد", "Mohammed"}, {"ئەحمەد", "أحمد", "Ahmed"}, {"عەلی", "علي", "Ali"}, {"ئازاد", "ازاد", "Azad"},
        {"حەسەن", "حسن", "Hasan"}, {"کاروان", "كاروان", "Karwan"}, {"ڕێبوار", "ريبوار", "Rebwar"},
        {"هێمن", "هيمن", "Hemin"}, {"عومەر", "عمر", "Omar"}, {"سەردار", "سردار", "Sardar"},
        {"بەختیار", "بختيار", "Bakhtiyar"}, {"شێرکۆ", "شيركو", "Sherko"}, {"حوسێن", "حسين", "Hussein"},
        {"مستەفا", "مصطفى", "Mustafa"}, {"کەریم", "كريم", "Karim"}, {"ئاراس", "اراس", "Aras"},
        {"دلێر", "دلير", "Dler"}, {"سیروان", "سيروان", "Sirwan"}, {"زانا", "زانا", "Zana"},
        {"ئومێد", "اوميد", "Omed"}, {"نەوزاد", "نوزاد", "Nawzad"}, {"فەرهاد", "فرهاد", "Farhad"},
        {"هاوڕێ", "هاوري", "Hawre"}, {"کامەران", "كامران", "Kamaran"}, {"ئاکۆ", "اكو", "Ako"},
        {"دانا", "دانا", "Dana"}, {"ڕزگار", "رزكار", "Rzgar"}, {"سامان", "سامان", "Saman"},
        {"شوان", "شوان", "Shwan"}, {"گۆران", "كوران", "Goran"}, {"هیوا", "هيوا", "Hiwa"},
        {"عەبدوڵڵا", "عبدالله", "Abdulla"}, {"ئیبراهیم", "ابراهيم", "Ibrahim"}, {"قادر", "قادر", "Qadir"},
        {"ڕەسووڵ", "رسول", "Rasul"}, {"تاهیر", "طاهر", "Tahir"}, {"کاکە", "كاكه", "Kaka"}};

    static final String[][] KURD_WOMEN = {
        {"ژیان", "ژيان", "Zhyan"}, {"شیلان", "شيلان", "Shilan"}, {"هێرۆ", "هيرو", "Hero"},
        {"نازدار", "نازدار", "Nazdar"}, {"کوێستان", "كويستان", "Kwestan"}, {"ڕۆژان", "روژان", "Rozhan"},
        {"بەفرین", "بفرين", "Bafrin"}, {"شنۆ", "شنو", "Shno"}, {"دیمەن", "ديمن", "Diman"},
        {"پەیمان", "بيمان", "Payman"}, {"چنار", "جنار", "Chnar"}, {"سۆزان", "سوزان", "Suzan"},
        {"ئاوێزان", "اويزان", "Awezan"}, {"فاتیمە", "فاطمة", "Fatima"}, {"زەینەب", "زينب", "Zaynab"}};

    static final String[][] KURD_FAMILIES = {
        {"بەرزنجی", "البرزنجي", "Barzinji"}, {"تاڵەبانی", "الطالباني", "Talabani"}, {"جاف", "الجاف", "Jaf"},
        {"بارزانی", "البارزاني", "Barzani"}, {"هەورامی", "الهورامي", "Hawrami"}, {"زەنگەنە", "الزنكنة", "Zangana"},
        {"دزەیی", "الدزيي", "Dizayee"}, {"سورچی", "السورجي", "Surchi"}, {"شوانی", "الشواني", "Shwani"},
        {"پشدەری", "البشدري", "Pishdari"}, {"کاکەیی", "الكاكائي", "Kakayi"}, {"هەرکی", "الهركي", "Harki"}};

    private final Zipf arabMen = new Zipf(ARAB_MEN.length, 0.9);
    private final Zipf arabWomen = new Zipf(ARAB_WOMEN.length, 0.9);
    private final Zipf arabFamilies = new Zipf(ARAB_FAMILIES.length, 0.8);
    private final Zipf kurdMen = new Zipf(KURD_MEN.length, 0.9);
    private final Zipf kurdWomen = new Zipf(KURD_WOMEN.length, 0.9);
    private final Zipf kurdFamilies = new Zipf(KURD_FAMILIES.length, 0.8);

    /**
     * A person's name: one in five Kurdish (Sorani and Arabic letters), the rest Arab; two in five
     * also with a Latin name.
     */
    PersonName draw(Random random, boolean male) {
        boolean latin = random.nextInt(5) < 2;
        if (random.nextInt(5) == 0) {
            String[] given = male ? KURD_MEN[kurdMen.next(random)] : KURD_WOMEN[kurdWomen.next(random)];
            String[] father = KURD_MEN[kurdMen.next(random)];
            String[] grandfather = KURD_MEN[kurdMen.next(random)];
            String[] family = KURD_FAMILIES[kurdFamilies.next(random)];
            String[] mother = KURD_WOMEN[kurdWomen.next(random)];
            String[] maternal = KURD_MEN[kurdMen.next(random)];
            return new PersonName(lineage(1, given, father, grandfather, family, mother, maternal),
                    lineage(0, given, father, grandfather, family, mother, maternal),
                    latin ? lineage(2, given, father, grandfather, family, mother, maternal) : null);
        }
        String[] given = male ? ARAB_MEN[arabMen.next(random)] : ARAB_WOMEN[arabWomen.next(random)];
        String[] father = ARAB_MEN[arabMen.next(random)];
        String[] grandfather = ARAB_MEN[arabMen.next(random)];
        String[] family = ARAB_FAMILIES[arabFamilies.next(random)];
        String[] mother = ARAB_WOMEN[arabWomen.next(random)];
        String[] maternal = ARAB_MEN[arabMen.next(random)];
        return new PersonName(lineage(0, given, father, grandfather, family, mother, maternal), null,
                latin ? lineage(1, given, father, grandfather, family, mother, maternal) : null);
    }

    private static LineageName lineage(int script, String[] given, String[] father, String[] grandfather,
                                       String[] family, String[] mother, String[] maternal) {
        return new LineageName(given[script], father[script], grandfather[script], family[script], mother[script],
                maternal[script]);
    }

    /** Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double exponent) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, exponent);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next(Random random) {
            int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
