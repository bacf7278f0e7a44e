-- Reference geography: governorates, districts (qadhas) and civil-status offices,
-- each with an effective period [valid_from, valid_to): valid_from inclusive,
-- valid_to exclusive, NULL meaning "still in effect". Boundaries change (Halabja
-- became a governorate in its own right), so a place is always looked up "as of" a date.
--
-- Names: name_ar in Arabic (ي ك ة ى), name_ckb in Central Kurdish / Sorani in its
-- Arabic-based script (ی ک ە ێ ۆ ڵ ڕ), name_en in the usual English spelling.
--
-- Dates. The registry needs a place to exist on the date of a life event, including
-- events decades old recorded from legacy registers, so each row starts at the date
-- the unit took the form we treat as continuous. Where the exact date is not known to
-- us it is marked APPROXIMATE below; check those against the Ministry of Planning's
-- gazetteer before production use:
--   * 1921-08-23  APPROXIMATE: the fourteen original liwas (provinces) of the state,
--                 continuous with today's governorates under later names
--                 (Mosul -> Ninawa, Dulaim -> Anbar, Hilla -> Babil, Diwaniya -> Qadisiyah,
--                 Muntafiq -> Dhi Qar, Amara -> Maysan, Kut -> Wasit; the 1976 renaming;
--                 Kirkuk was named al-Ta'mim from 1976 to 2006).
--   * 1969-01-01  APPROXIMATE: Duhok (from Ninawa) and Muthanna (from Qadisiyah).
--   * 1976-01-01  APPROXIMATE: Najaf (from Karbala) and Salah ad-Din (from Baghdad,
--                 Diyala and Kirkuk).
--   * 2014-03-13  Halabja: separated from Sulaymaniyah as the Kurdistan Region's fourth
--                 governorate (the federal cabinet approved it on 2013-12-31; the Council
--                 of Representatives passed the federal law in April 2025). Before that
--                 date Halabja is a district of Sulaymaniyah, modelled as such below.
-- District rows take their governorate's date unless noted: their own creation dates
-- are not recorded here and are APPROXIMATE. Office dates are explained above the offices.

create table governorate (
    code        text primary key check (code ~ '^[A-Z]{3}$'),
    name_ar     text not null check (btrim(name_ar)  <> ''),
    name_ckb    text not null check (btrim(name_ckb) <> ''),
    name_en     text not null check (btrim(name_en)  <> ''),
    valid_from  date not null,
    valid_to    date null,
    constraint governorate_period check (valid_to is null or valid_to > valid_from)
);

create table district (
    code              text primary key check (code ~ '^[A-Z]{3}-[A-Z]+$'),
    governorate_code  text not null references governorate (code),
    name_ar           text not null check (btrim(name_ar)  <> ''),
    name_ckb          text not null check (btrim(name_ckb) <> ''),
    name_en           text not null check (btrim(name_en)  <> ''),
    valid_from        date not null,
    valid_to          date null,
    constraint district_period check (valid_to is null or valid_to > valid_from),
    -- the code names its governorate, so 'BGD-KARKH' cannot be filed under Ninawa
    constraint district_code_in_governorate check (starts_with(code, governorate_code || '-')),
    -- target of the composite key below
    constraint district_code_governorate unique (code, governorate_code)
);

create index district_by_governorate on district (governorate_code);

create table civil_status_office (
    code              text primary key check (code ~ '^[A-Z]{3}-[A-Z]+-[0-9]{2}$'),
    governorate_code  text not null references governorate (code),
    district_code     text not null,
    name_ar           text not null check (btrim(name_ar)  <> ''),
    name_ckb          text not null check (btrim(name_ckb) <> ''),
    name_en           text not null check (btrim(name_en)  <> ''),
    valid_from        date not null,
    valid_to          date null,
    constraint civil_status_office_period check (valid_to is null or valid_to > valid_from),
    constraint civil_status_office_code_in_district check (starts_with(code, district_code || '-')),
    -- an office's district must belong to the office's governorate
    constraint civil_status_office_district
        foreign key (district_code, governorate_code) references district (code, governorate_code)
);

create index civil_status_office_by_governorate on civil_status_office (governorate_code);

insert into governorate (code, name_ar, name_ckb, name_en, valid_from, valid_to) values
    ('BGD', 'بغداد',        'بەغدا',       'Baghdad',       date '1921-08-23', null),
    ('NIN', 'نينوى',        'نەینەوا',     'Ninawa',        date '1921-08-23', null),
    ('BSR', 'البصرة',       'بەسرە',       'Basra',         date '1921-08-23', null),
    ('ERB', 'أربيل',        'هەولێر',      'Erbil',         date '1921-08-23', null),
    ('SUL', 'السليمانية',   'سلێمانی',     'Sulaymaniyah',  date '1921-08-23', null),
    ('KRK', 'كركوك',        'کەرکووک',     'Kirkuk',        date '1921-08-23', null),
    ('DIY', 'ديالى',        'دیالە',       'Diyala',        date '1921-08-23', null),
    ('ANB', 'الأنبار',      'ئەنبار',      'Anbar',         date '1921-08-23', null),
    ('BBL', 'بابل',         'بابل',        'Babil',         date '1921-08-23', null),
    ('KRB', 'كربلاء',       'کەربەلا',     'Karbala',       date '1921-08-23', null),
    ('QAD', 'القادسية',     'قادسییە',     'Qadisiyah',     date '1921-08-23', null),
    ('DHQ', 'ذي قار',       'زیقار',       'Dhi Qar',       date '1921-08-23', null),
    ('MYS', 'ميسان',        'مەیسان',      'Maysan',        date '1921-08-23', null),
    ('WAS', 'واسط',         'واست',        'Wasit',         date '1921-08-23', null),
    ('DUH', 'دهوك',         'دهۆک',        'Duhok',         date '1969-01-01', null),
    ('MUT', 'المثنى',       'موسەننا',     'Muthanna',      date '1969-01-01', null),
    ('NJF', 'النجف',        'نەجەف',       'Najaf',         date '1976-01-01', null),
    ('SAL', 'صلاح الدين',   'سەلاحەدین',   'Salah ad-Din',  date '1976-01-01', null),
    ('HAL', 'حلبجة',        'هەڵەبجە',     'Halabja',       date '2014-03-13', null);

-- Districts of Baghdad and Ninawa (all of them as commonly listed), and the seat
-- district of every other governorate so each can hold an office. Kurdish names of
-- districts outside the Kurdistan Region are the transliterations used in Sorani
-- publications. Akre and Shekhan are administered de facto from Duhok and Makhmur from
-- Erbil; de jure they belong to Ninawa, which is what is recorded here.
insert into district (code, governorate_code, name_ar, name_ckb, name_en, valid_from, valid_to) values
    ('BGD-KARKH',      'BGD', 'الكرخ',        'کەرخ',         'Karkh',          date '1921-08-23', null),
    ('BGD-RUSAFA',     'BGD', 'الرصافة',      'ڕوسافە',       'Rusafa',         date '1921-08-23', null),
    ('BGD-ADHAMIYA',   'BGD', 'الأعظمية',     'ئەعزەمییە',    'Adhamiyah',      date '1921-08-23', null),
    ('BGD-KADHIMIYA',  'BGD', 'الكاظمية',     'کازمییە',      'Kadhimiya',      date '1921-08-23', null),
    ('BGD-SADR',       'BGD', 'مدينة الصدر',  'شاری سەدر',    'Sadr City',      date '1921-08-23', null),
    ('BGD-MAHMUDIYA',  'BGD', 'المحمودية',    'مەحموودییە',   'Mahmudiya',      date '1921-08-23', null),
    ('BGD-ABUGHRAIB',  'BGD', 'أبو غريب',     'ئەبوو غرێب',   'Abu Ghraib',     date '1921-08-23', null),
    ('BGD-MADAIN',     'BGD', 'المدائن',      'مەدائین',      'Al-Mada''in',    date '1921-08-23', null),
    ('BGD-TARMIYA',    'BGD', 'الطارمية',     'تارمییە',      'Tarmiyah',       date '1921-08-23', null),

    ('NIN-MOSUL',      'NIN', 'الموصل',       'مووسڵ',        'Mosul',          date '1921-08-23', null),
    ('NIN-TELAFAR',    'NIN', 'تلعفر',        'تەلەعفەر',     'Tal Afar',       date '1921-08-23', null),
    ('NIN-SINJAR',     'NIN', 'سنجار',        'شنگال',        'Sinjar',         date '1921-08-23', null),
    ('NIN-HAMDANIYA',  'NIN', 'الحمدانية',    'حەمدانییە',    'Al-Hamdaniya',   date '1921-08-23', null),
    ('NIN-TELKAIF',    'NIN', 'تلكيف',        'تلکێف',        'Tel Kaif',       date '1921-08-23', null),
    ('NIN-SHEKHAN',    'NIN', 'الشيخان',      'شێخان',        'Shekhan',        date '1921-08-23', null),
    ('NIN-AKRE',       'NIN', 'عقرة',         'ئاکرێ',        'Akre',           date '1921-08-23', null),
    ('NIN-BAAJ',       'NIN', 'البعاج',       'بەعاج',        'Al-Ba''aj',      date '1921-08-23', null),
    ('NIN-HATRA',      'NIN', 'الحضر',        'حەزەر',        'Hatra',          date '1921-08-23', null),
    ('NIN-MAKHMUR',    'NIN', 'مخمور',        'مەخموور',      'Makhmur',        date '1921-08-23', null),

    ('BSR-BASRA',      'BSR', 'البصرة',       'بەسرە',        'Basra',          date '1921-08-23', null),
    ('ERB-ERBIL',      'ERB', 'أربيل',        'هەولێر',       'Erbil',          date '1921-08-23', null),
    ('SUL-SULAYMANIYAH','SUL','السليمانية',   'سلێمانی',      'Sulaymaniyah',   date '1921-08-23', null),
    -- Halabja moved from Sulaymaniyah to its own governorate on 2014-03-13
    ('SUL-HALABJA',    'SUL', 'حلبجة',        'هەڵەبجە',      'Halabja',        date '1921-08-23', date '2014-03-13'),
    ('HAL-HALABJA',    'HAL', 'حلبجة',        'هەڵەبجە',      'Halabja',        date '2014-03-13', null),
    ('KRK-KIRKUK',     'KRK', 'كركوك',        'کەرکووک',      'Kirkuk',         date '1921-08-23', null),
    ('DIY-BAQUBA',     'DIY', 'بعقوبة',       'بەعقووبە',     'Baqubah',        date '1921-08-23', null),
    ('ANB-RAMADI',     'ANB', 'الرمادي',      'ڕومادی',       'Ramadi',         date '1921-08-23', null),
    ('BBL-HILLA',      'BBL', 'الحلة',        'حیللە',        'Hillah',         date '1921-08-23', null),
    ('KRB-KARBALA',    'KRB', 'كربلاء',       'کەربەلا',      'Karbala',        date '1921-08-23', null),
    ('QAD-DIWANIYA',   'QAD', 'الديوانية',    'دیوانییە',     'Diwaniyah',      date '1921-08-23', null),
    ('DHQ-NASIRIYA',   'DHQ', 'الناصرية',     'ناسرییە',      'Nasiriyah',      date '1921-08-23', null),
    ('MYS-AMARA',      'MYS', 'العمارة',      'عەمارە',       'Amarah',         date '1921-08-23', null),
    ('WAS-KUT',        'WAS', 'الكوت',        'کووت',         'Kut',            date '1921-08-23', null),
    ('DUH-DUHOK',      'DUH', 'دهوك',         'دهۆک',         'Duhok',          date '1969-01-01', null),
    ('MUT-SAMAWA',     'MUT', 'السماوة',      'سەماوە',       'Samawah',        date '1969-01-01', null),
    ('NJF-NAJAF',      'NJF', 'النجف',        'نەجەف',        'Najaf',          date '1976-01-01', null),
    ('SAL-TIKRIT',     'SAL', 'تكريت',        'تکریت',        'Tikrit',         date '1976-01-01', null);

-- Offices: 'BGD-KARKH-01' and 'NIN-MOSUL-01' are the ones the demo identities use.
-- Opening dates are not published: offices start at the Civil Status Law (No. 65 of
-- 1972; 1972-01-01 is APPROXIMATE) or at their governorate's creation if later.
insert into civil_status_office (code, governorate_code, district_code, name_ar, name_ckb, name_en, valid_from, valid_to) values
    ('BGD-KARKH-01',     'BGD', 'BGD-KARKH',     'دائرة الأحوال المدنية في الكرخ الأولى',   'فەرمانگەی باری شارستانی کەرخ یەکەم',      'Civil Status Office Karkh 1',      date '1972-01-01', null),
    ('BGD-KARKH-02',     'BGD', 'BGD-KARKH',     'دائرة الأحوال المدنية في الكرخ الثانية',  'فەرمانگەی باری شارستانی کەرخ دووەم',      'Civil Status Office Karkh 2',      date '1972-01-01', null),
    ('BGD-RUSAFA-01',    'BGD', 'BGD-RUSAFA',    'دائرة الأحوال المدنية في الرصافة',        'فەرمانگەی باری شارستانی ڕوسافە',          'Civil Status Office Rusafa',       date '1972-01-01', null),
    ('BGD-ADHAMIYA-01',  'BGD', 'BGD-ADHAMIYA',  'دائرة الأحوال المدنية في الأعظمية',       'فەرمانگەی باری شارستانی ئەعزەمییە',       'Civil Status Office Adhamiyah',    date '1972-01-01', null),
    ('BGD-KADHIMIYA-01', 'BGD', 'BGD-KADHIMIYA', 'دائرة الأحوال المدنية في الكاظمية',       'فەرمانگەی باری شارستانی کازمییە',         'Civil Status Office Kadhimiya',    date '1972-01-01', null),
    ('BGD-SADR-01',      'BGD', 'BGD-SADR',      'دائرة الأحوال المدنية في مدينة الصدر',    'فەرمانگەی باری شارستانی شاری سەدر',       'Civil Status Office Sadr City',    date '1972-01-01', null),
    ('NIN-MOSUL-01',     'NIN', 'NIN-MOSUL',     'دائرة الأحوال المدنية في الموصل الأولى',  'فەرمانگەی باری شارستانی مووسڵ یەکەم',     'Civil Status Office Mosul 1',      date '1972-01-01', null),
    ('NIN-MOSUL-02',     'NIN', 'NIN-MOSUL',     'دائرة الأحوال المدنية في الموصل الثانية', 'فەرمانگەی باری شارستانی مووسڵ دووەم',     'Civil Status Office Mosul 2',      date '1972-01-01', null),
    ('NIN-TELAFAR-01',   'NIN', 'NIN-TELAFAR',   'دائرة الأحوال المدنية في تلعفر',          'فەرمانگەی باری شارستانی تەلەعفەر',        'Civil Status Office Tal Afar',     date '1972-01-01', null),
    ('NIN-SINJAR-01',    'NIN', 'NIN-SINJAR',    'دائرة الأحوال المدنية في سنجار',          'فەرمانگەی باری شارستانی شنگال',           'Civil Status Office Sinjar',       date '1972-01-01', null),
    ('NIN-HAMDANIYA-01', 'NIN', 'NIN-HAMDANIYA', 'دائرة الأحوال المدنية في الحمدانية',      'فەرمانگەی باری شارستانی حەمدانییە',       'Civil Status Office Al-Hamdaniya', date '1972-01-01', null),
    ('BSR-BASRA-01',     'BSR', 'BSR-BASRA',     'دائرة الأحوال المدنية في البصرة',         'فەرمانگەی باری شارستانی بەسرە',           'Civil Status Office Basra',        date '1972-01-01', null),
    ('ERB-ERBIL-01',     'ERB', 'ERB-ERBIL',     'دائرة الأحوال المدنية في أربيل',          'فەرمانگەی باری شارستانی هەولێر',          'Civil Status Office Erbil',        date '1972-01-01', null),
    ('SUL-SULAYMANIYAH-01','SUL','SUL-SULAYMANIYAH','دائرة الأحوال المدنية في السليمانية',  'فەرمانگەی باری شارستانی سلێمانی',         'Civil Status Office Sulaymaniyah', date '1972-01-01', null),
    -- the Halabja office belonged to Sulaymaniyah until Halabja became a governorate
    ('SUL-HALABJA-01',   'SUL', 'SUL-HALABJA',   'دائرة الأحوال المدنية في حلبجة',          'فەرمانگەی باری شارستانی هەڵەبجە',         'Civil Status Office Halabja',      date '1972-01-01', date '2014-03-13'),
    ('HAL-HALABJA-01',   'HAL', 'HAL-HALABJA',   'دائرة الأحوال المدنية في حلبجة',          'فەرمانگەی باری شارستانی هەڵەبجە',         'Civil Status Office Halabja',      date '2014-03-13', null),
    ('KRK-KIRKUK-01',    'KRK', 'KRK-KIRKUK',    'دائرة الأحوال المدنية في كركوك',          'فەرمانگەی باری شارستانی کەرکووک',         'Civil Status Office Kirkuk',       date '1972-01-01', null),
    ('DIY-BAQUBA-01',    'DIY', 'DIY-BAQUBA',    'دائرة الأحوال المدنية في بعقوبة',         'فەرمانگەی باری شارستانی بەعقووبە',        'Civil Status Office Baqubah',      date '1972-01-01', null),
    ('ANB-RAMADI-01',    'ANB', 'ANB-RAMADI',    'دائرة الأحوال المدنية في الرمادي',        'فەرمانگەی باری شارستانی ڕومادی',          'Civil Status Office Ramadi',       date '1972-01-01', null),
    ('BBL-HILLA-01',     'BBL', 'BBL-HILLA',     'دائرة الأحوال المدنية في الحلة',          'فەرمانگەی باری شارستانی حیللە',           'Civil Status Office Hillah',       date '1972-01-01', null),
    ('KRB-KARBALA-01',   'KRB', 'KRB-KARBALA',   'دائرة الأحوال المدنية في كربلاء',         'فەرمانگەی باری شارستانی کەربەلا',         'Civil Status Office Karbala',      date '1972-01-01', null),
    ('QAD-DIWANIYA-01',  'QAD', 'QAD-DIWANIYA',  'دائرة الأحوال المدنية في الديوانية',      'فەرمانگەی باری شارستانی دیوانییە',        'Civil Status Office Diwaniyah',    date '1972-01-01', null),
    ('DHQ-NASIRIYA-01',  'DHQ', 'DHQ-NASIRIYA',  'دائرة الأحوال المدنية في الناصرية',       'فەرمانگەی باری شارستانی ناسرییە',         'Civil Status Office Nasiriyah',    date '1972-01-01', null),
    ('MYS-AMARA-01',     'MYS', 'MYS-AMARA',     'دائرة الأحوال المدنية في العمارة',        'فەرمانگەی باری شارستانی عەمارە',          'Civil Status Office Amarah',       date '1972-01-01', null),
    ('WAS-KUT-01',       'WAS', 'WAS-KUT',       'دائرة الأحوال المدنية في الكوت',          'فەرمانگەی باری شارستانی کووت',            'Civil Status Office Kut',          date '1972-01-01', null),
    ('DUH-DUHOK-01',     'DUH', 'DUH-DUHOK',     'دائرة الأحوال المدنية في دهوك',           'فەرمانگەی باری شارستانی دهۆک',            'Civil Status Office Duhok',        date '1972-01-01', null),
    ('MUT-SAMAWA-01',    'MUT', 'MUT-SAMAWA',    'دائرة الأحوال المدنية في السماوة',        'فەرمانگەی باری شارستانی سەماوە',          'Civil Status Office Samawah',      date '1972-01-01', null),
    ('NJF-NAJAF-01',     'NJF', 'NJF-NAJAF',     'دائرة الأحوال المدنية في النجف',          'فەرمانگەی باری شارستانی نەجەف',           'Civil Status Office Najaf',        date '1976-01-01', null),
    ('SAL-TIKRIT-01',    'SAL', 'SAL-TIKRIT',    'دائرة الأحوال المدنية في تكريت',          'فەرمانگەی باری شارستانی تکریت',           'Civil Status Office Tikrit',       date '1976-01-01', null);
