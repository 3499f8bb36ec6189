-- Demo data: the reference event of DESIGN §1 (Bucharest, 21–23 November 2018) and the
-- smaller online consultation on Ukraine's recovery (April 2023), so every screen has
-- real content from the first start. Runs once, on a new database, after the migrations.
--
-- Every id is fixed so links, tests and demo scripts can rely on them:
--   events      e0000000-0000-4000-8000-000000002018 (social-workforce-2018)
--               e0000000-0000-4000-8000-000000002023 (ukraine-recovery-2023)
--   document    c0000000-0000-4000-8000-000000002018 (Call to Action, drafting)
--   round       f0000000-0000-4000-8000-000000002018 (indicators, draft)
--   users       a0000000-0000-4000-8000-0000000000NN staff, …0000000001NN delegates
--   members     b<year>000-0000-4000-8000-<the user id's last 12 digits>
--   days        d0000000-0000-4000-8000-000000<year>NN
--   sessions    50000000-0000-4000-8000-00000000<yy>NN (yy: 18 or 23), likewise
--               indicators 10000000-…, recommendations 70000000-…
-- Rows whose id nobody needs to type (session people, identities) get an id hashed from
-- their natural key, which is just as stable.
--
-- Every demo account signs in with the password accord-demo.

-- ------------------------------------------------------------ helpers
-- Temporary: they live for this session only and are dropped at the end.

-- Translated text {en, ro, ru}.
create function pg_temp.tr(en text, ro text, ru text) returns jsonb
language sql immutable
as $$ select jsonb_build_object('en', en, 'ro', ro, 'ru', ru) $$;

-- A stable uuid from any natural key.
create function pg_temp.stable_uuid(natural_key text) returns uuid
language sql immutable
as $$ select md5(natural_key)::uuid $$;

-- ------------------------------------------------------------ countries
-- The 21 delegations of the 2018 conference. XK is the code the UN and the EU use for
-- Kosovo (UNSCR 1244). Romanian keeps a country's own name where it is the same word.

insert into public.countries (code, name) values
  ('AL', pg_temp.tr('Albania', 'Albania', 'Албания')),
  ('AM', pg_temp.tr('Armenia', 'Armenia', 'Армения')),
  ('AZ', pg_temp.tr('Azerbaijan', 'Azerbaidjan', 'Азербайджан')),
  ('BY', pg_temp.tr('Belarus', 'Belarus', 'Беларусь')),
  ('BA', pg_temp.tr('Bosnia and Herzegovina', 'Bosnia și Herțegovina', 'Босния и Герцеговина')),
  ('BG', pg_temp.tr('Bulgaria', 'Bulgaria', 'Болгария')),
  ('HR', pg_temp.tr('Croatia', 'Croația', 'Хорватия')),
  ('GE', pg_temp.tr('Georgia', 'Georgia', 'Грузия')),
  ('KZ', pg_temp.tr('Kazakhstan', 'Kazahstan', 'Казахстан')),
  ('XK', pg_temp.tr('Kosovo (UNSCR 1244)', 'Kosovo (RCSONU 1244)', 'Косово (резолюция СБ ООН 1244)')),
  ('KG', pg_temp.tr('Kyrgyzstan', 'Kârgâzstan', 'Кыргызстан')),
  ('MK', pg_temp.tr('North Macedonia', 'Macedonia de Nord', 'Северная Македония')),
  ('MD', pg_temp.tr('Republic of Moldova', 'Republica Moldova', 'Республика Молдова')),
  ('ME', pg_temp.tr('Montenegro', 'Muntenegru', 'Черногория')),
  ('RO', pg_temp.tr('Romania', 'România', 'Румыния')),
  ('RS', pg_temp.tr('Serbia', 'Serbia', 'Сербия')),
  ('TJ', pg_temp.tr('Tajikistan', 'Tadjikistan', 'Таджикистан')),
  ('TR', pg_temp.tr('Turkey', 'Turcia', 'Турция')),
  ('TM', pg_temp.tr('Turkmenistan', 'Turkmenistan', 'Туркменистан')),
  ('UA', pg_temp.tr('Ukraine', 'Ucraina', 'Украина')),
  ('UZ', pg_temp.tr('Uzbekistan', 'Uzbekistan', 'Узбекистан'))
on conflict (code) do nothing;

-- ------------------------------------------------------------ people
-- The demo accounts: staff (organiser, rapporteurs, observer) and two delegates per
-- country. The names are invented; organisations are the kind each country sends.
-- role_2018 is the person's role at the Bucharest conference; in_2023 says whether they
-- also take part in the Ukraine consultation (with the same role).

create temporary table seed_people (
  user_id uuid primary key,
  email text not null unique,
  display_name text not null,
  role_2018 public.member_role not null,
  in_2023 boolean not null,
  country_code text,
  organisation text,
  sector public.sector,
  profile_type public.profile_type,
  preferred_language public.language_code not null
);

insert into seed_people values
  -- staff
  ('a0000000-0000-4000-8000-000000000001', 'organiser@accord.test', 'Ioana Dumitrescu', 'organiser', true,
    'RO', 'Ministry of Labour and Social Justice', 'social_protection', null, 'ro'),
  ('a0000000-0000-4000-8000-000000000002', 'rapporteur@accord.test', 'Mihaela Stan', 'rapporteur', true,
    'RO', 'University of Bucharest, Faculty of Sociology and Social Work', 'education', 'allied_professional', 'en'),
  ('a0000000-0000-4000-8000-000000000003', 'rapporteur2@accord.test', 'Natalia Cojocaru', 'rapporteur', true,
    'MD', 'Moldova State University, Department of Social Work', 'education', 'certified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000004', 'rapporteur3@accord.test', 'Ana Gelashvili', 'rapporteur', true,
    'GE', 'Ilia State University, School of Arts and Sciences', 'education', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000005', 'rapporteur4@accord.test', 'Sarah Whitmore', 'rapporteur', true,
    null, 'UNICEF Europe and Central Asia Regional Office', 'child_protection', 'allied_professional', 'en'),
  ('a0000000-0000-4000-8000-000000000006', 'observer@accord.test', 'Thomas Brenner', 'observer', true,
    null, 'Global Social Service Workforce Alliance', 'social_protection', null, 'en'),
  -- delegates, two per country
  ('a0000000-0000-4000-8000-000000000101', 'delegate.al.1@accord.test', 'Blerina Duka', 'delegate', false,
    'AL', 'Ministry of Health and Social Protection', 'social_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000102', 'delegate.al.2@accord.test', 'Gentian Marku', 'delegate', false,
    'AL', 'University of Tirana, Department of Social Work and Social Policy', 'education', 'allied_professional', 'en'),
  ('a0000000-0000-4000-8000-000000000103', 'delegate.am.1@accord.test', 'Anahit Petrosyan', 'delegate', true,
    'AM', 'Ministry of Labour and Social Affairs', 'social_protection', 'certified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000104', 'delegate.am.2@accord.test', 'Tigran Hakobyan', 'delegate', false,
    'AM', 'Yerevan State University, Faculty of Sociology', 'education', 'allied_professional', 'en'),
  ('a0000000-0000-4000-8000-000000000105', 'delegate.az.1@accord.test', 'Leyla Mammadova', 'delegate', false,
    'AZ', 'Ministry of Labour and Social Protection of Population', 'early_childhood_development', 'uncertified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000106', 'delegate.az.2@accord.test', 'Rashad Huseynov', 'delegate', false,
    'AZ', 'Baku State University, Department of Social Work', 'education', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000107', 'delegate.by.1@accord.test', 'Volha Kavalenka', 'delegate', false,
    'BY', 'Ministry of Labour and Social Protection', 'social_protection', 'uncertified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000108', 'delegate.by.2@accord.test', 'Siarhei Marozau', 'delegate', false,
    'BY', 'Belarusian State Pedagogical University', 'education', 'allied_professional', 'ru'),
  ('a0000000-0000-4000-8000-000000000109', 'delegate.ba.1@accord.test', 'Amra Hadžić', 'delegate', false,
    'BA', 'Ministry of Civil Affairs', 'social_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000110', 'delegate.ba.2@accord.test', 'Dragan Kovačević', 'delegate', false,
    'BA', 'Centre for Social Work Banja Luka', 'gender', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000111', 'delegate.bg.1@accord.test', 'Desislava Petrova', 'delegate', false,
    'BG', 'State Agency for Child Protection', 'child_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000112', 'delegate.bg.2@accord.test', 'Nikolay Georgiev', 'delegate', true,
    'BG', 'National Network for Children', 'child_protection', 'uncertified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000113', 'delegate.hr.1@accord.test', 'Ivana Babić', 'delegate', false,
    'HR', 'Ministry for Demography, Family, Youth and Social Policy', 'social_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000114', 'delegate.hr.2@accord.test', 'Marko Horvat', 'delegate', false,
    'HR', 'University of Zagreb, Faculty of Law, Study Centre of Social Work', 'education', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000115', 'delegate.ge.1@accord.test', 'Nino Beridze', 'delegate', true,
    'GE', 'Social Service Agency', 'child_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000116', 'delegate.ge.2@accord.test', 'Giorgi Kapanadze', 'delegate', true,
    'GE', 'Georgian Association of Social Workers', 'child_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000117', 'delegate.kz.1@accord.test', 'Aigerim Seitkali', 'delegate', true,
    'KZ', 'Ministry of Labour and Social Protection of the Population', 'social_protection', 'uncertified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000118', 'delegate.kz.2@accord.test', 'Daniyar Zhumabekov', 'delegate', false,
    'KZ', 'Al-Farabi Kazakh National University', 'education', 'allied_professional', 'ru'),
  ('a0000000-0000-4000-8000-000000000119', 'delegate.xk.1@accord.test', 'Drita Berisha', 'delegate', false,
    'XK', 'Ministry of Labour and Social Welfare', 'social_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000120', 'delegate.xk.2@accord.test', 'Arben Krasniqi', 'delegate', false,
    'XK', 'Centre for Social Work Prishtina', 'justice', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000121', 'delegate.kg.1@accord.test', 'Gulnara Asanova', 'delegate', false,
    'KG', 'Ministry of Labour and Social Development', 'child_protection', 'uncertified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000122', 'delegate.kg.2@accord.test', 'Bakyt Osmonov', 'delegate', false,
    'KG', 'Bishkek Humanities University', 'migration', 'allied_professional', 'ru'),
  ('a0000000-0000-4000-8000-000000000123', 'delegate.mk.1@accord.test', 'Biljana Stojanovska', 'delegate', false,
    'MK', 'Ministry of Labour and Social Policy', 'social_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000124', 'delegate.mk.2@accord.test', 'Aleksandar Trajkovski', 'delegate', false,
    'MK', 'Ss. Cyril and Methodius University, Institute of Social Work and Social Policy', 'education', 'allied_professional', 'en'),
  ('a0000000-0000-4000-8000-000000000125', 'delegate.md.1@accord.test', 'Veronica Rusu', 'delegate', true,
    'MD', 'Ministry of Health, Labour and Social Protection', 'social_protection', 'certified_social_worker', 'ro'),
  ('a0000000-0000-4000-8000-000000000126', 'delegate.md.2@accord.test', 'Vasile Munteanu', 'delegate', true,
    'MD', 'Partnerships for Every Child', 'child_protection', 'para_professional', 'ro'),
  ('a0000000-0000-4000-8000-000000000127', 'delegate.me.1@accord.test', 'Jelena Vuković', 'delegate', false,
    'ME', 'Ministry of Labour and Social Welfare', 'social_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000128', 'delegate.me.2@accord.test', 'Milan Radulović', 'delegate', false,
    'ME', 'Institute for Social and Child Protection', 'child_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000129', 'delegate.ro.1@accord.test', 'Cristina Ionescu', 'delegate', true,
    'RO', 'National Authority for the Protection of Children''s Rights and Adoption', 'child_protection', 'certified_social_worker', 'ro'),
  ('a0000000-0000-4000-8000-000000000130', 'delegate.ro.2@accord.test', 'Radu Marinescu', 'delegate', true,
    'RO', 'Babeș-Bolyai University, Faculty of Sociology and Social Work', 'education', 'allied_professional', 'ro'),
  ('a0000000-0000-4000-8000-000000000131', 'delegate.rs.1@accord.test', 'Milica Jovanović', 'delegate', false,
    'RS', 'Ministry of Labour, Employment, Veteran and Social Affairs', 'social_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000132', 'delegate.rs.2@accord.test', 'Nenad Petrović', 'delegate', false,
    'RS', 'Republic Institute for Social Protection', 'justice', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000133', 'delegate.tj.1@accord.test', 'Farzona Rahimova', 'delegate', false,
    'TJ', 'Ministry of Health and Social Protection of Population', 'health', 'uncertified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000134', 'delegate.tj.2@accord.test', 'Shuhrat Nazarov', 'delegate', false,
    'TJ', 'Tajik National University', 'education', 'allied_professional', 'ru'),
  ('a0000000-0000-4000-8000-000000000135', 'delegate.tr.1@accord.test', 'Zeynep Yılmaz', 'delegate', false,
    'TR', 'Ministry of Family, Labour and Social Services', 'migration', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000136', 'delegate.tr.2@accord.test', 'Emre Demir', 'delegate', false,
    'TR', 'Hacettepe University, Department of Social Work', 'education', 'allied_professional', 'en'),
  ('a0000000-0000-4000-8000-000000000137', 'delegate.tm.1@accord.test', 'Maral Orazova', 'delegate', false,
    'TM', 'Ministry of Labour and Social Protection of Population', 'social_protection', 'uncertified_social_worker', 'ru'),
  ('a0000000-0000-4000-8000-000000000138', 'delegate.tm.2@accord.test', 'Merdan Annayev', 'delegate', false,
    'TM', 'National Red Crescent Society of Turkmenistan', 'disability', 'para_professional', 'ru'),
  ('a0000000-0000-4000-8000-000000000139', 'delegate.ua.1@accord.test', 'Olena Shevchuk', 'delegate', true,
    'UA', 'Ministry of Social Policy', 'child_protection', 'certified_social_worker', 'en'),
  ('a0000000-0000-4000-8000-000000000140', 'delegate.ua.2@accord.test', 'Taras Bondarenko', 'delegate', true,
    'UA', 'National University of Kyiv-Mohyla Academy, School of Social Work', 'education', 'allied_professional', 'en'),
  ('a0000000-0000-4000-8000-000000000141', 'delegate.uz.1@accord.test', 'Dilnoza Yusupova', 'delegate', false,
    'UZ', 'Ministry of Public Education', 'education', 'allied_professional', 'ru'),
  ('a0000000-0000-4000-8000-000000000142', 'delegate.uz.2@accord.test', 'Jasur Tursunov', 'delegate', false,
    'UZ', 'National University of Uzbekistan', 'youth', 'allied_professional', 'ru');

-- Confirmed email accounts, shaped like the rows GoTrue writes, so password sign-in works
-- locally and against a hosted project seeded with this file.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select
  '00000000-0000-0000-0000-000000000000', p.user_id, 'authenticated', 'authenticated', p.email,
  extensions.crypt('accord-demo', extensions.gen_salt('bf')),
  timestamptz '2018-10-15 10:00 Europe/Bucharest',
  '{"provider": "email", "providers": ["email"]}'::jsonb,
  jsonb_build_object('display_name', p.display_name),
  timestamptz '2018-10-15 10:00 Europe/Bucharest',
  timestamptz '2018-10-15 10:00 Europe/Bucharest',
  '', '', '', ''
from seed_people as p;

insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
select
  pg_temp.stable_uuid('identity:' || p.user_id), p.user_id::text, p.user_id,
  jsonb_build_object('sub', p.user_id::text, 'email', p.email, 'email_verified', true),
  'email', timestamptz '2018-10-15 10:00 Europe/Bucharest', timestamptz '2018-10-15 10:00 Europe/Bucharest'
from seed_people as p;

-- The member of an event with this email, for the rows below that name people.
create function pg_temp.member_id(event uuid, person_email text) returns uuid
language sql stable
as $$
  select m.id
  from public.members as m
  join seed_people as p on p.user_id = m.user_id
  where m.event_id = event and p.email = person_email
$$;

-- ============================================================ the 2018 conference
-- Regional conference on social work and the social service workforce, Europe and
-- Central Asia: Bucharest, 21–23 November 2018.

insert into public.events (
  id, slug, title, summary, venue, timezone, starts_on, ends_on, languages, default_language, status, created_by
) values (
  'e0000000-0000-4000-8000-000000002018',
  'social-workforce-2018',
  pg_temp.tr(
    'Regional conference on social work and the social service workforce, Europe and Central Asia',
    'Conferința regională privind asistența socială și personalul din serviciile sociale, Europa și Asia Centrală',
    'Региональная конференция по социальной работе и кадрам социальных служб, Европа и Центральная Азия'
  ),
  pg_temp.tr(
    'Three days in Bucharest for government officials, academics and civil society from 21 countries to agree '
      || 'how to plan, develop and support the social service workforce. Hosted by the Romanian Ministry of Labour '
      || 'and Social Justice and the National Authority for the Protection of Children''s Rights and Adoption, with '
      || 'the UNICEF Europe and Central Asia Regional Office. The conference closes with the adoption of a regional '
      || 'Call to Action and a monitoring framework of indicators.',
    'Trei zile la București în care reprezentanți ai guvernelor, ai mediului academic și ai societății civile din '
      || '21 de țări convin asupra modului în care personalul din serviciile sociale este planificat, dezvoltat '
      || 'și sprijinit. Conferința este găzduită de Ministerul Muncii și Justiției Sociale și de Autoritatea Națională '
      || 'pentru Protecția Drepturilor Copilului și Adopție, împreună cu Biroul Regional UNICEF pentru Europa și Asia '
      || 'Centrală, și se încheie cu adoptarea unui Apel la acțiune regional și a unui cadru de monitorizare cu indicatori.',
    'Три дня в Бухаресте, в течение которых представители правительств, академических кругов и гражданского '
      || 'общества из 21 страны договариваются о том, как планировать, развивать и поддерживать кадры социальных '
      || 'служб. Организаторы — Министерство труда и социальной справедливости Румынии и Национальное управление по '
      || 'защите прав ребенка и усыновлению совместно с Региональным офисом ЮНИСЕФ для Европы и Центральной Азии. '
      || 'Конференция завершается принятием регионального Призыва к действию и системы мониторинга с индикаторами.'
  ),
  pg_temp.tr('Bucharest, Romania', 'București, România', 'Бухарест, Румыния'),
  'Europe/Bucharest',
  '2018-11-21',
  '2018-11-23',
  '{en,ro,ru}',
  'en',
  'published',
  'a0000000-0000-4000-8000-000000000001'
);

insert into public.members (
  id, event_id, user_id, role, country_code, organisation, sector, profile_type, display_name,
  preferred_language, invited_at, joined_at
)
select
  ('b2018000' || substr(p.user_id::text, 9))::uuid,
  'e0000000-0000-4000-8000-000000002018',
  p.user_id, p.role_2018, p.country_code, p.organisation, p.sector, p.profile_type, p.display_name,
  p.preferred_language,
  timestamptz '2018-10-15 10:00 Europe/Bucharest',
  timestamptz '2018-11-21 08:30 Europe/Bucharest'
from seed_people as p;

insert into public.event_days (id, event_id, day_index, date, theme) values
  ('d0000000-0000-4000-8000-000000201801', 'e0000000-0000-4000-8000-000000002018', 1, '2018-11-21',
    pg_temp.tr('Planning the workforce', 'Planificarea personalului din serviciile sociale', 'Планирование кадров социальных служб')),
  ('d0000000-0000-4000-8000-000000201802', 'e0000000-0000-4000-8000-000000002018', 2, '2018-11-22',
    pg_temp.tr('Developing the workforce', 'Dezvoltarea personalului din serviciile sociale', 'Развитие кадров социальных служб')),
  ('d0000000-0000-4000-8000-000000201803', 'e0000000-0000-4000-8000-000000002018', 3, '2018-11-23',
    pg_temp.tr('Supporting the workforce', 'Sprijinirea personalului din serviciile sociale', 'Поддержка кадров социальных служб'));

-- ------------------------------------------------------------ 2018 sessions
-- Rooms are the venue's hall letters, which read the same in every language ("Sala: A",
-- "Зал: A"); a name such as "Main hall" would stay English on Romanian and Russian pages.
-- Times are Bucharest local time. Parallel sessions share a start time and are ordered
-- by position. Day 1 is over (closed, summaries published); days 2 and 3 are ahead.

insert into public.sessions (id, event_id, day_id, starts_at, ends_at, room, format, status, position, title, description)
select s.id::uuid, 'e0000000-0000-4000-8000-000000002018', s.day_id::uuid,
  (s.day || ' ' || s.starts || ' Europe/Bucharest')::timestamptz,
  (s.day || ' ' || s.ends || ' Europe/Bucharest')::timestamptz,
  s.room, s.format::public.session_format, s.status::public.session_status, s.position, s.title, s.description
from (values
  -- Day 1: Planning
  ('50000000-0000-4000-8000-000000001801', 'd0000000-0000-4000-8000-000000201801', '2018-11-21', '09:00', '10:30',
    'A', 'plenary', 'closed', 0,
    pg_temp.tr(
      'Opening plenary: why invest in the social service workforce',
      'Sesiunea plenară de deschidere: de ce să investim în personalul din serviciile sociale',
      'Открытие конференции: зачем инвестировать в кадры социальных служб'),
    pg_temp.tr(
      'Welcome by the hosts, the regional picture of the workforce in Europe and Central Asia, and what the conference should agree by Friday.',
      'Cuvânt de bun venit din partea gazdelor, situația personalului din serviciile sociale la nivelul regiunii Europa și Asia Centrală și rezultatele asupra cărora conferința ar trebui să convină până vineri.',
      'Приветственное слово принимающей стороны, обзор положения с кадрами социальных служб в регионе Европы и Центральной Азии и итоги, о которых конференция должна договориться к пятнице.')),
  ('50000000-0000-4000-8000-000000001802', 'd0000000-0000-4000-8000-000000201801', '2018-11-21', '11:00', '12:30',
    'A', 'panel', 'closed', 0,
    pg_temp.tr(
      'Defining the social service workforce and its statutory functions',
      'Definirea personalului din serviciile sociale și a atribuțiilor sale prevăzute de lege',
      'Состав кадров социальных служб и функции, закрепленные законом'),
    pg_temp.tr(
      'Who belongs to the workforce (certified and uncertified social workers, para-professionals, allied professionals) and which functions the law reserves for whom.',
      'Ce categorii alcătuiesc personalul din serviciile sociale (asistenți sociali atestați și neatestați, paraprofesioniști, profesioniști din domenii conexe) și ce atribuții rezervă legea fiecăreia.',
      'Кто относится к кадрам социальных служб (сертифицированные и несертифицированные социальные работники, парапрофессионалы, специалисты смежных профессий) и какие функции закон закрепляет за каждым.')),
  ('50000000-0000-4000-8000-000000001803', 'd0000000-0000-4000-8000-000000201801', '2018-11-21', '14:00', '15:30',
    'B', 'parallel', 'closed', 1,
    pg_temp.tr(
      'Strategic planning and financing of the workforce',
      'Planificarea strategică și finanțarea personalului din serviciile sociale',
      'Стратегическое планирование и финансирование кадров социальных служб'),
    pg_temp.tr(
      'Costing a workforce strategy, securing budget lines and linking workforce plans to social protection reform.',
      'Estimarea costurilor unei strategii privind personalul din serviciile sociale, asigurarea alocărilor bugetare și corelarea planurilor de personal cu reforma protecției sociale.',
      'Расчет стоимости кадровой стратегии, закрепление бюджетных статей и увязка кадровых планов с реформой социальной защиты.')),
  ('50000000-0000-4000-8000-000000001804', 'd0000000-0000-4000-8000-000000201801', '2018-11-21', '14:00', '15:30',
    'C', 'parallel', 'closed', 2,
    pg_temp.tr(
      'Human resources data: mapping the workforce',
      'Date privind resursele umane: cartografierea personalului din serviciile sociale',
      'Кадровые данные: картирование кадров социальных служб'),
    pg_temp.tr(
      'What a workforce mapping measures, how to keep HR information systems current, and which numbers ministries need for decisions.',
      'Ce măsoară cartografierea personalului, cum se actualizează sistemele informaționale de resurse umane și de ce cifre au nevoie ministerele pentru decizii.',
      'Что измеряет картирование кадров, как поддерживать кадровые информационные системы в актуальном состоянии и какие данные нужны министерствам для принятия решений.')),
  ('50000000-0000-4000-8000-000000001805', 'd0000000-0000-4000-8000-000000201801', '2018-11-21', '14:00', '15:30',
    'D', 'parallel', 'closed', 3,
    pg_temp.tr(
      'Inter-ministerial coordination for the workforce',
      'Coordonarea interministerială privind personalul din serviciile sociale',
      'Межведомственная координация по вопросам кадров социальных служб'),
    pg_temp.tr(
      'How the ministries of social protection, health, education, justice and finance share responsibility for the people who deliver social services.',
      'Cum își împart ministerele protecției sociale, sănătății, educației, justiției și finanțelor responsabilitatea pentru oamenii care furnizează servicii sociale.',
      'Как министерства социальной защиты, здравоохранения, образования, юстиции и финансов разделяют ответственность за людей, оказывающих социальные услуги.')),
  ('50000000-0000-4000-8000-000000001806', 'd0000000-0000-4000-8000-000000201801', '2018-11-21', '16:00', '17:30',
    'B', 'parallel', 'closed', 1,
    pg_temp.tr(
      'Mixed service markets: the state, NGOs and private providers',
      'Piețe mixte de servicii: statul, ONG-urile și furnizorii privați',
      'Смешанный рынок услуг: государство, НПО и частные поставщики'),
    pg_temp.tr(
      'Contracting out services without losing quality: licensing, standards and fair pay across public and non-state providers.',
      'Contractarea serviciilor fără a pierde din calitate: licențiere, standarde și remunerare echitabilă la furnizorii publici și neguvernamentali.',
      'Передача услуг внешним поставщикам без потери качества: лицензирование, стандарты и справедливая оплата труда у государственных и негосударственных поставщиков.')),
  -- Day 2: Developing
  ('50000000-0000-4000-8000-000000001807', 'd0000000-0000-4000-8000-000000201802', '2018-11-22', '09:00', '10:30',
    'A', 'panel', 'scheduled', 0,
    pg_temp.tr(
      'Pre-service education and in-service training',
      'Formarea inițială și formarea continuă',
      'Профессиональное образование и обучение без отрыва от работы'),
    pg_temp.tr(
      'From university degrees to short courses for para-professionals: building a coherent pathway of qualifications.',
      'De la diplome universitare la cursuri scurte pentru paraprofesioniști: construirea unui parcurs coerent de calificări.',
      'От университетских дипломов до коротких курсов для парапрофессионалов: выстраивание последовательной системы квалификаций.')),
  ('50000000-0000-4000-8000-000000001808', 'd0000000-0000-4000-8000-000000201802', '2018-11-22', '11:00', '12:30',
    'B', 'parallel', 'scheduled', 1,
    pg_temp.tr(
      'Curricula and faculty for social work education',
      'Curriculumul și cadrele didactice în învățământul de asistență socială',
      'Учебные программы и преподавательский состав в подготовке социальных работников'),
    pg_temp.tr(
      'Aligning curricula with the functions workers actually perform, field placements, and developing the faculty who teach them.',
      'Alinierea curriculumului la funcțiile pe care lucrătorii le îndeplinesc efectiv, stagiile de practică și dezvoltarea cadrelor didactice care predau.',
      'Приведение учебных программ в соответствие с реальными функциями работников, полевая практика и развитие преподавательского состава.')),
  ('50000000-0000-4000-8000-000000001809', 'd0000000-0000-4000-8000-000000201802', '2018-11-22', '11:00', '12:30',
    'C', 'parallel', 'scheduled', 2,
    pg_temp.tr(
      'Supply meeting demand: enough workers with the right skills, where they are needed',
      'Corelarea ofertei cu cererea: suficienți lucrători, cu competențele potrivite, acolo unde este nevoie de ei',
      'Баланс спроса и предложения: достаточное число работников нужной квалификации там, где они требуются'),
    pg_temp.tr(
      'Forecasting demand, attracting graduates to rural areas, and closing the gap between those trained and those employed.',
      'Estimarea cererii, atragerea absolvenților în zonele rurale și reducerea decalajului dintre cei formați și cei angajați.',
      'Прогнозирование спроса, привлечение выпускников в сельские районы и сокращение разрыва между числом подготовленных и трудоустроенных специалистов.')),
  ('50000000-0000-4000-8000-000000001810', 'd0000000-0000-4000-8000-000000201802', '2018-11-22', '14:00', '15:30',
    'B', 'parallel', 'scheduled', 1,
    pg_temp.tr(
      'Joint multi-disciplinary training across sectors',
      'Formare multidisciplinară comună pentru specialiști din mai multe sectoare',
      'Совместное междисциплинарное обучение специалистов разных секторов'),
    pg_temp.tr(
      'Training social workers, teachers, health workers, police and judges together so that referral and case management work in practice.',
      'Formarea împreună a asistenților sociali, a cadrelor didactice, a personalului medical, a polițiștilor și a judecătorilor, pentru ca referirea și managementul de caz să funcționeze în practică.',
      'Совместное обучение социальных работников, учителей, медицинских работников, полиции и судей, чтобы перенаправление и ведение случаев работали на практике.')),
  ('50000000-0000-4000-8000-000000001811', 'd0000000-0000-4000-8000-000000201802', '2018-11-22', '14:00', '15:30',
    'C', 'parallel', 'scheduled', 2,
    pg_temp.tr(
      'In-service training and continuing professional development',
      'Formarea continuă și dezvoltarea profesională pe parcursul carierei',
      'Обучение без отрыва от работы и непрерывное профессиональное развитие'),
    pg_temp.tr(
      'Accredited in-service programmes, credit systems, and linking continuing development to licensing and career progression.',
      'Programe acreditate de formare continuă, sisteme de credite transferabile și corelarea dezvoltării profesionale cu licențierea și avansarea în carieră.',
      'Аккредитованные программы обучения без отрыва от работы, системы зачетных единиц (кредитов) и связь непрерывного развития с лицензированием и карьерным ростом.')),
  ('50000000-0000-4000-8000-000000001812', 'd0000000-0000-4000-8000-000000201802', '2018-11-22', '16:00', '17:00',
    'A', 'plenary', 'scheduled', 0,
    pg_temp.tr(
      'Plenary: reporting back from the parallel sessions',
      'Sesiune plenară: concluziile sesiunilor paralele',
      'Пленарное заседание: отчеты параллельных сессий'),
    pg_temp.tr(
      'Rapporteurs present the key points of days 1 and 2; delegates comment on the first draft of the Call to Action.',
      'Raportorii prezintă principalele concluzii ale primelor două zile; delegații comentează prima versiune a Apelului la acțiune.',
      'Докладчики представляют ключевые выводы первого и второго дней; делегаты комментируют первый проект Призыва к действию.')),
  -- Day 3: Supporting
  ('50000000-0000-4000-8000-000000001813', 'd0000000-0000-4000-8000-000000201803', '2018-11-23', '09:00', '10:30',
    'A', 'panel', 'scheduled', 0,
    pg_temp.tr(
      'Working environments and supportive supervision',
      'Mediul de lucru și supervizarea de sprijin',
      'Условия труда и поддерживающая супервизия'),
    pg_temp.tr(
      'Caseloads, safety, and supervision models that help front-line workers make sound decisions and stay well.',
      'Numărul de cazuri, siguranța și modelele de supervizare care îi ajută pe lucrătorii din prima linie să ia decizii bune și să își păstreze starea de bine.',
      'Нагрузка, безопасность и модели супервизии, которые помогают специалистам первой линии принимать обоснованные решения и сохранять благополучие.')),
  ('50000000-0000-4000-8000-000000001814', 'd0000000-0000-4000-8000-000000201803', '2018-11-23', '11:00', '12:30',
    'B', 'parallel', 'scheduled', 1,
    pg_temp.tr(
      'Induction and mentoring of new workers',
      'Integrarea și mentoratul noilor lucrători',
      'Введение в должность и наставничество для новых работников'),
    pg_temp.tr(
      'The first year on the job: structured induction programmes and mentoring by experienced colleagues.',
      'Primul an în post: programe structurate de integrare și mentorat oferit de colegi cu experiență.',
      'Первый год работы: структурированные программы введения в должность и наставничество опытных коллег.')),
  ('50000000-0000-4000-8000-000000001815', 'd0000000-0000-4000-8000-000000201803', '2018-11-23', '11:00', '12:30',
    'C', 'parallel', 'scheduled', 2,
    pg_temp.tr(
      'Retention: pay, workload and career paths',
      'Păstrarea personalului: salarizare, volum de muncă și parcursuri profesionale',
      'Удержание кадров: оплата труда, нагрузка и карьерный рост'),
    pg_temp.tr(
      'Why social service workers leave, and what has worked to keep them: salary scales, manageable caseloads, recognition and career ladders.',
      'De ce pleacă lucrătorii din serviciile sociale și ce a funcționat pentru a-i păstra: grile de salarizare, un număr rezonabil de cazuri, recunoaștere și trepte de carieră.',
      'Почему работники социальных служб уходят и что помогает их удержать: тарифные сетки, посильная нагрузка, признание и карьерные ступени.')),
  ('50000000-0000-4000-8000-000000001816', 'd0000000-0000-4000-8000-000000201803', '2018-11-23', '11:00', '12:30',
    'D', 'parallel', 'scheduled', 3,
    pg_temp.tr(
      'Professional associations and the voice of social service workers',
      'Asociațiile profesionale și vocea lucrătorilor din serviciile sociale',
      'Профессиональные ассоциации и голос работников социальных служб'),
    pg_temp.tr(
      'Codes of ethics, professional registration, and the part associations play in standards, advocacy and peer support.',
      'Coduri deontologice, înregistrarea profesională și rolul asociațiilor în stabilirea standardelor, în advocacy și în sprijinul între colegi.',
      'Этические кодексы, профессиональная регистрация и роль ассоциаций в разработке стандартов, отстаивании интересов профессии и взаимной поддержке.')),
  ('50000000-0000-4000-8000-000000001817', 'd0000000-0000-4000-8000-000000201803', '2018-11-23', '14:00', '16:00',
    'A', 'plenary', 'scheduled', 0,
    pg_temp.tr(
      'Closing plenary: adoption of the Call to Action',
      'Sesiunea plenară de închidere: adoptarea Apelului la acțiune',
      'Заключительное пленарное заседание: принятие Призыва к действию'),
    pg_temp.tr(
      'Final reading of the Call to Action, agreement on the monitoring framework of indicators, and closing remarks by the hosts.',
      'Lectura finală a Apelului la acțiune, acordul asupra cadrului de monitorizare cu indicatori și cuvântul de încheiere al gazdelor.',
      'Окончательное чтение Призыва к действию, согласование системы мониторинга с индикаторами и заключительное слово организаторов.'))
) as s (id, day_id, day, starts, ends, room, format, status, position, title, description);

-- ------------------------------------------------------------ 2018 session people
-- Chairs, resource persons with prepared contributions, speakers and rapporteurs. People
-- with an account are named by email; guests without one by name and an affiliation,
-- translated like every other line a reader sees.

insert into public.session_people (id, session_id, role, member_id, name, affiliation, position)
select
  pg_temp.stable_uuid('session_person:' || sp.session_id || ':' || sp.role || ':' || coalesce(sp.email, sp.name)),
  sp.session_id::uuid,
  sp.role::public.session_person_role,
  case when sp.email is null then null
    else pg_temp.member_id('e0000000-0000-4000-8000-000000002018', sp.email) end,
  sp.name, sp.affiliation, sp.position
from (values
  -- Opening plenary
  ('50000000-0000-4000-8000-000000001801', 'chair', 'organiser@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001801', 'speaker', null, 'Elena Radu',
    pg_temp.tr(
      'State Secretary, Ministry of Labour and Social Justice, Romania',
      'Secretar de stat, Ministerul Muncii și Justiției Sociale, România',
      'Государственный секретарь, Министерство труда и социальной справедливости Румынии'), 0),
  ('50000000-0000-4000-8000-000000001801', 'speaker', null, 'Alison Grant',
    pg_temp.tr(
      'UNICEF Europe and Central Asia Regional Office',
      'Biroul Regional UNICEF pentru Europa și Asia Centrală',
      'Региональный офис ЮНИСЕФ для Европы и Центральной Азии'), 1),
  ('50000000-0000-4000-8000-000000001801', 'resource_person', 'delegate.ro.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001801', 'rapporteur', 'rapporteur@accord.test', null, null, 0),
  -- Defining the workforce
  ('50000000-0000-4000-8000-000000001802', 'chair', null, 'Katarina Novak',
    pg_temp.tr(
      'University of Ljubljana, Faculty of Social Work',
      'Universitatea din Ljubljana, Facultatea de Asistență Socială',
      'Люблянский университет, факультет социальной работы'), 0),
  ('50000000-0000-4000-8000-000000001802', 'resource_person', 'delegate.bg.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001802', 'resource_person', 'delegate.ge.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001802', 'resource_person', null, 'Helen Marsh',
    pg_temp.tr(
      'Global Social Service Workforce Alliance',
      'Alianța Globală pentru Personalul din Serviciile Sociale',
      'Глобальный альянс в поддержку кадров социальных служб'), 2),
  ('50000000-0000-4000-8000-000000001802', 'rapporteur', 'rapporteur2@accord.test', null, null, 0),
  -- Planning and financing
  ('50000000-0000-4000-8000-000000001803', 'chair', 'delegate.md.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001803', 'resource_person', 'delegate.am.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001803', 'resource_person', null, 'Piotr Zieliński',
    pg_temp.tr(
      'World Bank, Social Protection and Jobs',
      'Banca Mondială, Protecție Socială și Locuri de Muncă',
      'Всемирный банк, Социальная защита и занятость'), 1),
  ('50000000-0000-4000-8000-000000001803', 'rapporteur', 'rapporteur@accord.test', null, null, 0),
  -- HR data
  ('50000000-0000-4000-8000-000000001804', 'chair', 'delegate.hr.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001804', 'resource_person', 'delegate.kz.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001804', 'resource_person', 'delegate.rs.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001804', 'rapporteur', 'rapporteur2@accord.test', null, null, 0),
  -- Inter-ministerial coordination
  ('50000000-0000-4000-8000-000000001805', 'chair', 'delegate.al.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001805', 'resource_person', 'delegate.xk.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001805', 'resource_person', null, 'Mariam Tsiklauri',
    pg_temp.tr(
      'Ministry of Internally Displaced Persons, Labour, Health and Social Affairs, Georgia',
      'Ministerul Persoanelor Strămutate Intern, Muncii, Sănătății și Protecției Sociale al Georgiei',
      'Министерство по делам внутренне перемещенных лиц, труда, здравоохранения и социальной защиты Грузии'), 1),
  ('50000000-0000-4000-8000-000000001805', 'rapporteur', 'rapporteur3@accord.test', null, null, 0),
  -- Mixed service markets
  ('50000000-0000-4000-8000-000000001806', 'chair', 'delegate.bg.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001806', 'resource_person', 'delegate.tr.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001806', 'resource_person', null, 'Lucia Ferrante',
    pg_temp.tr(
      'Eurochild',
      'Rețeaua Eurochild',
      'Сеть «Еврочайлд»'), 1),
  ('50000000-0000-4000-8000-000000001806', 'rapporteur', 'rapporteur4@accord.test', null, null, 0),
  -- Pre-service and in-service
  ('50000000-0000-4000-8000-000000001807', 'chair', 'delegate.ro.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001807', 'resource_person', 'delegate.mk.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001807', 'resource_person', 'delegate.az.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001807', 'resource_person', null, 'Johannes Weber',
    pg_temp.tr(
      'International Association of Schools of Social Work',
      'Asociația Internațională a Școlilor de Asistență Socială',
      'Международная ассоциация школ социальной работы'), 2),
  ('50000000-0000-4000-8000-000000001807', 'rapporteur', 'rapporteur@accord.test', null, null, 0),
  -- Curricula and faculty
  ('50000000-0000-4000-8000-000000001808', 'chair', 'delegate.hr.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001808', 'resource_person', 'delegate.by.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001808', 'resource_person', 'delegate.kz.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001808', 'rapporteur', 'rapporteur2@accord.test', null, null, 0),
  -- Supply and demand
  ('50000000-0000-4000-8000-000000001809', 'chair', 'delegate.rs.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001809', 'resource_person', 'delegate.tj.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001809', 'resource_person', null, 'Anna Kowalczyk',
    pg_temp.tr(
      'ILO Decent Work Technical Support Team for Central and Eastern Europe',
      'OIM, Echipa de sprijin tehnic pentru munca decentă în Europa Centrală și de Est',
      'МОТ, Группа технической поддержки по вопросам достойного труда для стран Центральной и Восточной Европы'), 1),
  ('50000000-0000-4000-8000-000000001809', 'rapporteur', 'rapporteur3@accord.test', null, null, 0),
  -- Joint multi-disciplinary training
  ('50000000-0000-4000-8000-000000001810', 'chair', 'delegate.me.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001810', 'resource_person', 'delegate.ba.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001810', 'resource_person', 'delegate.ua.1@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001810', 'rapporteur', 'rapporteur4@accord.test', null, null, 0),
  -- In-service training and CPD
  ('50000000-0000-4000-8000-000000001811', 'chair', 'delegate.tr.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001811', 'resource_person', 'delegate.uz.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001811', 'resource_person', 'delegate.al.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001811', 'rapporteur', 'rapporteur@accord.test', null, null, 0),
  -- Reporting back
  ('50000000-0000-4000-8000-000000001812', 'chair', 'organiser@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001812', 'speaker', 'rapporteur@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001812', 'speaker', 'rapporteur2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001812', 'rapporteur', 'rapporteur3@accord.test', null, null, 0),
  -- Working environments and supervision
  ('50000000-0000-4000-8000-000000001813', 'chair', 'delegate.ge.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001813', 'resource_person', 'delegate.me.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001813', 'resource_person', null, 'Sofia Andersson',
    pg_temp.tr(
      'Stockholm University, Department of Social Work',
      'Universitatea din Stockholm, Departamentul de Asistență Socială',
      'Стокгольмский университет, кафедра социальной работы'), 1),
  ('50000000-0000-4000-8000-000000001813', 'rapporteur', 'rapporteur2@accord.test', null, null, 0),
  -- Induction and mentoring
  ('50000000-0000-4000-8000-000000001814', 'chair', 'delegate.mk.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001814', 'resource_person', 'delegate.kg.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001814', 'resource_person', 'delegate.am.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001814', 'rapporteur', 'rapporteur@accord.test', null, null, 0),
  -- Retention
  ('50000000-0000-4000-8000-000000001815', 'chair', 'delegate.ua.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001815', 'resource_person', 'delegate.tm.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001815', 'resource_person', 'delegate.by.1@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000001815', 'rapporteur', 'rapporteur3@accord.test', null, null, 0),
  -- Professional associations
  ('50000000-0000-4000-8000-000000001816', 'chair', 'delegate.xk.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001816', 'resource_person', 'delegate.md.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001816', 'resource_person', null, 'Marta Nowicka',
    pg_temp.tr(
      'International Federation of Social Workers, European Region',
      'Federația Internațională a Asistenților Sociali, Regiunea Europa',
      'Международная федерация социальных работников, Европейский регион'), 1),
  ('50000000-0000-4000-8000-000000001816', 'rapporteur', 'rapporteur4@accord.test', null, null, 0),
  -- Closing plenary: two co-rapporteurs take the final notes together
  ('50000000-0000-4000-8000-000000001817', 'chair', 'organiser@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001817', 'speaker', null, 'Elena Radu',
    pg_temp.tr(
      'State Secretary, Ministry of Labour and Social Justice, Romania',
      'Secretar de stat, Ministerul Muncii și Justiției Sociale, România',
      'Государственный секретарь, Министерство труда и социальной справедливости Румынии'), 0),
  ('50000000-0000-4000-8000-000000001817', 'speaker', null, 'Alison Grant',
    pg_temp.tr(
      'UNICEF Europe and Central Asia Regional Office',
      'Biroul Regional UNICEF pentru Europa și Asia Centrală',
      'Региональный офис ЮНИСЕФ для Европы и Центральной Азии'), 1),
  ('50000000-0000-4000-8000-000000001817', 'rapporteur', 'rapporteur@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000001817', 'rapporteur', 'rapporteur2@accord.test', null, null, 1)
) as sp (session_id, role, email, name, affiliation, position);

-- ------------------------------------------------------------ 2018 session summaries
-- Day 1's rapporteurs have published their summaries; the mixed markets summary is
-- still a draft (no published_at).

insert into public.session_summaries (session_id, body, published_by, published_at)
select s.session_id::uuid, s.body, s.published_by::uuid, s.published_at::timestamptz
from (values
  ('50000000-0000-4000-8000-000000001801', 'a0000000-0000-4000-8000-000000000002', '2018-11-21 12:45 Europe/Bucharest',
    pg_temp.tr(
      'The hosts opened the conference by recalling that services for children and families are only as good as the people who deliver them. '
        || 'UNICEF presented the regional picture: most countries have reformed their child care systems, but social service workers remain too few, '
        || 'unevenly spread and often without supervision. Delegates were asked to agree by Friday on a shared vision and a small set of indicators to track progress.',
      'Gazdele au deschis conferința amintind că serviciile pentru copii și familii sunt la fel de bune ca oamenii care le furnizează. '
        || 'UNICEF a prezentat imaginea regională: majoritatea țărilor și-au reformat sistemele de îngrijire a copilului, dar lucrătorii din serviciile sociale '
        || 'rămân prea puțini, distribuiți inegal și adesea fără supervizare. Delegații au fost invitați să convină până vineri asupra unei viziuni comune '
        || 'și a unui set restrâns de indicatori pentru monitorizarea progreselor.',
      'Организаторы открыли конференцию, напомнив, что услуги для детей и семей хороши ровно настолько, насколько хороши люди, которые их оказывают. '
        || 'ЮНИСЕФ представил региональную картину: большинство стран реформировали системы защиты детей, однако работников социальных служб '
        || 'по-прежнему слишком мало, они неравномерно распределены и часто работают без супервизии. Делегатам предложено к пятнице согласовать '
        || 'общее видение и небольшой набор индикаторов для отслеживания прогресса.')),
  ('50000000-0000-4000-8000-000000001802', 'a0000000-0000-4000-8000-000000000003', '2018-11-21 13:30 Europe/Bucharest',
    pg_temp.tr(
      'Panellists agreed that the workforce is broader than social workers alone: para-professionals and allied professionals carry much of the daily work. '
        || 'Several countries reported laws that name statutory functions, such as assessment and case management in child protection, without saying who may perform them. '
        || 'Key point: define the functions first, then the qualifications each function requires.',
      'Participanții la panel au convenit că personalul din serviciile sociale nu se limitează la asistenții sociali: paraprofesioniștii și profesioniștii '
        || 'din domenii conexe duc o mare parte din munca de zi cu zi. Mai multe țări au semnalat că atribuțiile prevăzute de lege, precum evaluarea '
        || 'și managementul de caz în protecția copilului, sunt enumerate fără a se preciza cine le poate îndeplini. Concluzia principală: mai întâi se definesc funcțiile, apoi calificările necesare fiecăreia.',
      'Участники дискуссии согласились, что кадры социальных служб не ограничиваются социальными работниками: значительную часть повседневной работы '
        || 'выполняют парапрофессионалы и специалисты смежных профессий. Несколько стран сообщили, что функции, закрепленные законом, '
        || 'например оценка и ведение случаев в сфере защиты детей, названы в законодательстве без указания того, кто вправе их выполнять. Главный вывод: сначала определить функции, '
        || 'а затем квалификации, необходимые для каждой из них.')),
  ('50000000-0000-4000-8000-000000001803', 'a0000000-0000-4000-8000-000000000002', '2018-11-21 16:15 Europe/Bucharest',
    pg_temp.tr(
      'Participants compared how workforce costs appear in budgets. Where posts are funded by local authorities alone, poorer regions fall behind. '
        || 'Recommendations: cost the strategy before it is adopted, protect salary lines for statutory posts, and use pooled national funding to close regional gaps.',
      'Participanții au comparat modul în care costurile cu personalul apar în bugete. Acolo unde posturile sunt finanțate doar de autoritățile locale, '
        || 'regiunile mai sărace rămân în urmă. Recomandări: estimarea costurilor strategiei înainte de adoptare, protejarea fondurilor salariale pentru posturile '
        || 'prevăzute de lege și o finanțare națională comună pentru reducerea decalajelor regionale.',
      'Участники сравнили, как расходы на кадры социальных служб отражаются в бюджетах. Там, где должности финансируются только органами местного самоуправления, '
        || 'более бедные регионы отстают. Рекомендации: рассчитывать стоимость стратегии до ее утверждения, защищать статьи заработной платы для '
        || 'установленных законом должностей и использовать общее национальное финансирование для сокращения региональных разрывов.')),
  ('50000000-0000-4000-8000-000000001804', 'a0000000-0000-4000-8000-000000000003', '2018-11-21 16:20 Europe/Bucharest',
    pg_temp.tr(
      'Three countries presented recent workforce mappings. Common difficulties were job titles that differ between ministries and data held only on paper '
        || 'at district level. The session agreed that a minimum data set (posts, vacancies, qualifications, turnover) should be collected every year.',
      'Trei țări au prezentat cartografieri recente ale personalului din serviciile sociale. Dificultățile comune au fost denumirile de posturi diferite de la un minister la altul '
        || 'și datele păstrate doar pe hârtie la nivel de district. Sesiunea a convenit ca un set minim de date (posturi, posturi vacante, calificări, fluctuație) '
        || 'să fie colectat anual.',
      'Три страны представили результаты недавнего картирования кадров. Общими трудностями стали различающиеся в разных министерствах названия должностей '
        || 'и данные, которые хранятся только на бумаге на районном уровне. Участники согласились ежегодно собирать минимальный набор данных '
        || '(должности, вакансии, квалификация, текучесть кадров).')),
  ('50000000-0000-4000-8000-000000001805', 'a0000000-0000-4000-8000-000000000004', '2018-11-21 16:30 Europe/Bucharest',
    pg_temp.tr(
      'Delegates described referral pathways that break down between health, education and social protection. Countries with a standing inter-ministerial body '
        || 'reported faster agreement on joint standards. Key point: give one ministry the mandate to lead workforce planning, with the others formally involved.',
      'Delegații au descris circuite de referire care se întrerup între sănătate, educație și protecție socială. Țările care au un organism interministerial permanent '
        || 'au ajuns mai repede la un acord asupra standardelor comune. Concluzia principală: un singur minister să primească mandatul de a conduce planificarea '
        || 'personalului din serviciile sociale, iar celelalte să fie implicate formal.',
      'Делегаты описали механизмы перенаправления, которые не работают на стыке здравоохранения, образования и социальной защиты. Страны с постоянно '
        || 'действующим межведомственным органом быстрее согласовывают общие стандарты. Главный вывод: поручить одному министерству руководство кадровым '
        || 'планированием при официальном участии остальных.')),
  ('50000000-0000-4000-8000-000000001806', null, null,
    pg_temp.tr(
      'Contracting NGOs has widened coverage in several countries, but pay in contracted services is often lower than in public ones. '
        || 'Participants asked for the same standards and licensing rules for all providers.',
      'Contractarea ONG-urilor a extins acoperirea în mai multe țări, însă salariile din serviciile contractate sunt adesea mai mici decât cele din '
        || 'serviciile publice. Participanții au cerut aceleași standarde și reguli de licențiere pentru toți furnizorii.',
      'Привлечение НПО по контрактам расширило охват услугами в ряде стран, однако оплата труда в таких услугах часто ниже, чем в '
        || 'государственных. Участники призвали к единым стандартам и правилам лицензирования для всех поставщиков.'))
) as s (session_id, published_by, published_at, body);

-- ------------------------------------------------------------ 2018 indicators
-- The monitoring framework delegates vote on. Illustrative, as DESIGN §1 asks: they show
-- the kind of indicator the conference discussed, not an adopted framework.

insert into public.indicators (id, event_id, code, domain, position, is_illustrative, title, description, means_of_verification)
select i.id::uuid, 'e0000000-0000-4000-8000-000000002018', i.code, i.domain::public.indicator_domain, i.position, true,
  i.title, i.description, i.means_of_verification
from (values
  -- Planning
  ('10000000-0000-4000-8000-000000001801', 'P1', 'planning', 1,
    pg_temp.tr(
      'A national government-led workforce leadership group exists',
      'Există un grup național de coordonare privind personalul din serviciile sociale, condus de Guvern',
      'Создана национальная межведомственная группа по вопросам кадров социальных служб под руководством правительства'),
    pg_temp.tr(
      'A standing group, chaired by a ministry, that brings together the ministries, local authorities, educators and professional bodies responsible for the social service workforce.',
      'Un grup permanent, prezidat de un minister, care reunește ministerele, autoritățile locale, instituțiile de învățământ și organismele profesionale responsabile de personalul din serviciile sociale.',
      'Постоянная группа под председательством министерства, объединяющая министерства, органы местного самоуправления, учебные заведения и профессиональные организации, отвечающие за кадры социальных служб.'),
    pg_temp.tr(
      'Government decision establishing the group; minutes of its meetings in the last 12 months.',
      'Hotărârea Guvernului privind înființarea grupului; procesele-verbale ale ședințelor din ultimele 12 luni.',
      'Постановление правительства о создании группы; протоколы ее заседаний за последние 12 месяцев.')),
  ('10000000-0000-4000-8000-000000001802', 'P2', 'planning', 2,
    pg_temp.tr(
      'A workforce mapping has been done in the last five years',
      'În ultimii cinci ani a fost realizată o cartografiere a personalului din serviciile sociale',
      'За последние пять лет проведено картирование кадров социальных служб'),
    pg_temp.tr(
      'A national assessment of how many social service workers there are, where they work, which qualifications they hold and which functions they perform.',
      'O evaluare națională a numărului de lucrători din serviciile sociale, a locurilor în care lucrează, a calificărilor pe care le au și a funcțiilor pe care le îndeplinesc.',
      'Национальная оценка численности работников социальных служб, мест их работы, квалификации и выполняемых функций.'),
    pg_temp.tr(
      'Published mapping report and its data set.',
      'Raportul de cartografiere publicat și setul de date aferent.',
      'Опубликованный отчет о картировании и соответствующий набор данных.')),
  ('10000000-0000-4000-8000-000000001803', 'P3', 'planning', 3,
    pg_temp.tr(
      'A national workforce strengthening strategy is adopted',
      'Este adoptată o strategie națională de consolidare a personalului din serviciile sociale',
      'Принята национальная стратегия укрепления кадрового потенциала'),
    pg_temp.tr(
      'A costed strategy or action plan for planning, developing and supporting the social service workforce, adopted by the government.',
      'O strategie sau un plan de acțiune cu costuri estimate pentru planificarea, dezvoltarea și sprijinirea personalului din serviciile sociale, adoptat de Guvern.',
      'Стратегия или план действий с расчетом затрат по планированию, развитию и поддержке кадров социальных служб, утвержденные правительством.'),
    pg_temp.tr(
      'Official text of the strategy and the act adopting it.',
      'Textul oficial al strategiei și actul de adoptare.',
      'Официальный текст стратегии и акт о ее утверждении.')),
  ('10000000-0000-4000-8000-000000001804', 'P4', 'planning', 4,
    pg_temp.tr(
      'Funding for the workforce strategy is committed',
      'Finanțarea strategiei privind personalul din serviciile sociale este asigurată',
      'Выделено финансирование кадровой стратегии'),
    pg_temp.tr(
      'The state budget or the medium-term expenditure framework has identifiable lines for the strategy''s actions.',
      'Bugetul de stat sau cadrul de cheltuieli pe termen mediu cuprinde alocări bugetare distincte pentru acțiunile strategiei.',
      'Государственный бюджет или среднесрочный план расходов содержит отдельные статьи на мероприятия стратегии.'),
    pg_temp.tr(
      'Budget law and medium-term expenditure framework.',
      'Legea bugetului de stat și cadrul de cheltuieli pe termen mediu.',
      'Закон о бюджете и среднесрочный план расходов.')),
  ('10000000-0000-4000-8000-000000001805', 'P5', 'planning', 5,
    pg_temp.tr(
      'Social service workers per 100,000 child population',
      'Numărul de lucrători din serviciile sociale la 100.000 de copii',
      'Число работников социальных служб на 100 000 детского населения'),
    pg_temp.tr(
      'Filled posts in child and family social services per 100,000 children aged 0–17, nationally and by region.',
      'Posturile ocupate în serviciile sociale pentru copii și familie la 100.000 de copii cu vârsta de 0–17 ani, la nivel național și pe regiuni.',
      'Число занятых должностей в социальных службах для детей и семей на 100 000 детей в возрасте 0–17 лет, в целом по стране и по регионам.'),
    pg_temp.tr(
      'HR information system; population estimates of the national statistics office.',
      'Sistemul informațional de resurse umane; estimările populației realizate de institutul național de statistică.',
      'Кадровая информационная система; оценки численности населения национального статистического ведомства.')),
  -- Developing
  ('10000000-0000-4000-8000-000000001806', 'D1', 'developing', 1,
    pg_temp.tr(
      'Share of statutory positions held by certified social workers',
      'Ponderea posturilor prevăzute de lege ocupate de asistenți sociali atestați',
      'Доля установленных законом должностей, занятых сертифицированными социальными работниками'),
    pg_temp.tr(
      'Positions whose functions the law reserves for social workers, such as case management in child protection, that are held by a certified social worker.',
      'Posturile ale căror funcții sunt rezervate prin lege asistenților sociali, de exemplu managementul de caz în protecția copilului, ocupate de un asistent social atestat.',
      'Должности, функции которых закон закрепляет за социальными работниками, например ведение случаев в сфере защиты детей, занятые сертифицированным социальным работником.'),
    pg_temp.tr(
      'HR records of statutory services; register of certified social workers.',
      'Evidențele de personal ale serviciilor publice prevăzute de lege; registrul asistenților sociali atestați.',
      'Кадровый учет государственных служб; реестр сертифицированных социальных работников.')),
  ('10000000-0000-4000-8000-000000001807', 'D2', 'developing', 2,
    pg_temp.tr(
      'Accredited degree programmes in social work are available',
      'Există programe universitare acreditate în asistență socială',
      'Существуют аккредитованные программы высшего образования по социальной работе'),
    pg_temp.tr(
      'At least one accredited bachelor''s and one master''s programme in social work, with supervised field placements.',
      'Cel puțin un program de licență și unul de master acreditate în asistență socială, cu stagii de practică supervizate.',
      'Не менее одной аккредитованной программы бакалавриата и одной программы магистратуры по социальной работе с полевой практикой под руководством супервизора.'),
    pg_temp.tr(
      'Register of the national quality assurance agency.',
      'Registrul agenției naționale de asigurare a calității în învățământul superior.',
      'Реестр национального агентства по обеспечению качества образования.')),
  ('10000000-0000-4000-8000-000000001808', 'D3', 'developing', 3,
    pg_temp.tr(
      'A national in-service training curriculum is approved',
      'Este aprobat un curriculum național de formare continuă',
      'Утверждена национальная программа обучения без отрыва от работы'),
    pg_temp.tr(
      'A curriculum for the in-service training of social service workers, approved by the responsible ministry and linked to the functions of each post.',
      'Un curriculum de formare continuă a lucrătorilor din serviciile sociale, aprobat de ministerul de resort și corelat cu atribuțiile fiecărui post.',
      'Программа обучения работников социальных служб без отрыва от работы, утвержденная профильным министерством и увязанная с функциями каждой должности.'),
    pg_temp.tr(
      'Ministerial order approving the curriculum; training records.',
      'Ordinul ministrului de aprobare a curriculumului; evidențele sesiunilor de formare.',
      'Приказ министерства об утверждении программы; учет проведенного обучения.')),
  ('10000000-0000-4000-8000-000000001809', 'D4', 'developing', 4,
    pg_temp.tr(
      'Share of front-line workers trained in the last 12 months',
      'Ponderea lucrătorilor din prima linie care au urmat o formare în ultimele 12 luni',
      'Доля специалистов первой линии, прошедших обучение за последние 12 месяцев'),
    pg_temp.tr(
      'Front-line social service workers who completed at least 40 hours of accredited in-service training in the last 12 months.',
      'Lucrătorii din prima linie ai serviciilor sociale care au parcurs cel puțin 40 de ore de formare continuă acreditată în ultimele 12 luni.',
      'Работники социальных служб первой линии, прошедшие не менее 40 часов аккредитованного обучения без отрыва от работы за последние 12 месяцев.'),
    pg_temp.tr(
      'Records of training providers; HR information system.',
      'Evidențele furnizorilor de formare; sistemul informațional de resurse umane.',
      'Учет организаций, проводящих обучение; кадровая информационная система.')),
  -- Supporting
  ('10000000-0000-4000-8000-000000001810', 'S1', 'supporting', 1,
    pg_temp.tr(
      'Supervision is available to front-line workers',
      'Lucrătorii din prima linie beneficiază de supervizare',
      'Специалистам первой линии доступна супервизия'),
    pg_temp.tr(
      'Share of front-line social service workers who receive regular professional supervision, at least once a month.',
      'Ponderea lucrătorilor din prima linie ai serviciilor sociale care beneficiază de supervizare profesională regulată, cel puțin o dată pe lună.',
      'Доля работников социальных служб первой линии, получающих регулярную профессиональную супервизию не реже одного раза в месяц.'),
    pg_temp.tr(
      'Supervision standards; survey of front-line workers.',
      'Standardele de supervizare; sondaj în rândul lucrătorilor din prima linie.',
      'Стандарты супервизии; опрос специалистов первой линии.')),
  ('10000000-0000-4000-8000-000000001811', 'S2', 'supporting', 2,
    pg_temp.tr(
      'An induction programme is required for new workers',
      'Un program de integrare este obligatoriu pentru lucrătorii nou angajați',
      'Для новых работников обязательна программа введения в должность'),
    pg_temp.tr(
      'Regulations require a structured induction, with a named mentor, for every newly employed social service worker.',
      'Reglementările prevăd o integrare structurată, cu un mentor desemnat, pentru fiecare lucrător nou angajat în serviciile sociale.',
      'Нормативные акты предусматривают структурированное введение в должность с назначенным наставником для каждого нового работника социальных служб.'),
    pg_temp.tr(
      'Regulation or standard on induction; employer records.',
      'Reglementarea sau standardul privind integrarea; evidențele angajatorilor.',
      'Нормативный акт или стандарт о введении в должность; документация работодателей.')),
  ('10000000-0000-4000-8000-000000001812', 'S3', 'supporting', 3,
    pg_temp.tr(
      'Annual turnover of social service workers',
      'Fluctuația anuală a lucrătorilor din serviciile sociale',
      'Годовая текучесть кадров социальных служб'),
    pg_temp.tr(
      'Workers who left their post during the year, as a share of all posts filled at the start of the year.',
      'Lucrătorii care și-au părăsit postul în cursul anului, ca pondere din totalul posturilor ocupate la începutul anului.',
      'Число работников, покинувших должность в течение года, в процентах от всех занятых должностей на начало года.'),
    pg_temp.tr(
      'HR information system; employer records.',
      'Sistemul informațional de resurse umane; evidențele angajatorilor.',
      'Кадровая информационная система; документация работодателей.')),
  ('10000000-0000-4000-8000-000000001813', 'S4', 'supporting', 4,
    pg_temp.tr(
      'A professional association of social workers is active',
      'Există o asociație profesională activă a asistenților sociali',
      'Действует профессиональная ассоциация социальных работников'),
    pg_temp.tr(
      'A registered association that has adopted a code of ethics and takes part in setting professional standards.',
      'O asociație înregistrată care a adoptat un cod deontologic și participă la stabilirea standardelor profesionale.',
      'Зарегистрированная ассоциация, принявшая этический кодекс и участвующая в разработке профессиональных стандартов.'),
    pg_temp.tr(
      'Registration documents; published code of ethics; annual report.',
      'Actele de înregistrare; codul deontologic publicat; raportul anual.',
      'Регистрационные документы; опубликованный этический кодекс; годовой отчет.')),
  -- Cross-cutting
  ('10000000-0000-4000-8000-000000001814', 'X1', 'cross_cutting', 1,
    pg_temp.tr(
      'Workforce data are disaggregated by sex, age and region',
      'Datele privind personalul din serviciile sociale sunt dezagregate pe sexe, vârstă și regiuni',
      'Кадровые данные в разбивке по полу, возрасту и регионам'),
    pg_temp.tr(
      'Routine workforce statistics show the sex, age group and region of workers, so that gaps in rural and remote areas are visible.',
      'Statisticile curente privind personalul arată sexul, grupa de vârstă și regiunea lucrătorilor, astfel încât decalajele din zonele rurale și izolate să fie vizibile.',
      'Регулярная кадровая статистика показывает пол, возрастную группу и регион работников, чтобы был виден дефицит кадров в сельских и отдаленных районах.'),
    pg_temp.tr(
      'Reports of the HR information system.',
      'Rapoartele sistemului informațional de resurse umane.',
      'Отчеты кадровой информационной системы.')),
  ('10000000-0000-4000-8000-000000001815', 'X2', 'cross_cutting', 2,
    pg_temp.tr(
      'Workforce policy is reviewed with civil society and the workforce itself',
      'Politica privind personalul din serviciile sociale este revizuită împreună cu societatea civilă și cu lucrătorii înșiși',
      'Кадровая политика пересматривается с участием гражданского общества и самих работников'),
    pg_temp.tr(
      'Professional associations, trade unions, NGOs and people who use services take part in reviewing workforce policy at least every two years.',
      'Asociațiile profesionale, sindicatele, ONG-urile și beneficiarii serviciilor participă la revizuirea politicii privind personalul cel puțin o dată la doi ani.',
      'Профессиональные ассоциации, профсоюзы, НПО и получатели услуг участвуют в пересмотре кадровой политики не реже одного раза в два года.'),
    pg_temp.tr(
      'Minutes of the consultations; review reports.',
      'Procesele-verbale ale consultărilor; rapoartele de revizuire.',
      'Протоколы консультаций; отчеты о пересмотре.'))
) as i (id, code, domain, position, title, description, means_of_verification);

-- ------------------------------------------------------------ 2018 voting round
-- A draft round on every indicator: the organiser opens it on day 3. One vote per
-- delegation, two thirds to adopt, as regional conferences of governments usually agree.

insert into public.voting_rounds (
  id, event_id, title, mode, quorum_percent, threshold_percent, allow_block, ballot, results_visibility, status, opens_at, closes_at
) values (
  'f0000000-0000-4000-8000-000000002018',
  'e0000000-0000-4000-8000-000000002018',
  pg_temp.tr(
    'Monitoring framework: illustrative indicators, first reading',
    'Cadrul de monitorizare: indicatori ilustrativi, prima lectură',
    'Система мониторинга: иллюстративные индикаторы, первое чтение'),
  'per_delegation', 50, 66.67, false, 'open', 'after_close', 'draft',
  timestamptz '2018-11-23 09:00 Europe/Bucharest',
  timestamptz '2018-11-23 13:00 Europe/Bucharest'
);

insert into public.round_indicators (round_id, indicator_id, position)
select 'f0000000-0000-4000-8000-000000002018', i.id,
  row_number() over (order by array_position(array['planning', 'developing', 'supporting', 'cross_cutting'], i.domain::text), i.position)
from public.indicators as i
where i.event_id = 'e0000000-0000-4000-8000-000000002018';

-- ------------------------------------------------------------ 2018 Call to Action
-- The document row only: its text lives in the Yjs documents cta:<id>:<lang>, which the
-- delegates draft live.

insert into public.documents (id, event_id, title, status, master_language) values (
  'c0000000-0000-4000-8000-000000002018',
  'e0000000-0000-4000-8000-000000002018',
  pg_temp.tr(
    'Call to Action: investing in the social service workforce in Europe and Central Asia',
    'Apel la acțiune: investiții în personalul din serviciile sociale în Europa și Asia Centrală',
    'Призыв к действию: инвестиции в кадры социальных служб в Европе и Центральной Азии'),
  'drafting',
  'en'
);

-- ------------------------------------------------------------ 2018 recommendations
-- Raised on the boards of day 1 and 2 sessions, each in its author's language.

insert into public.recommendations (id, session_id, author_id, text, language, status, created_at)
select r.id::uuid, r.session_id::uuid,
  pg_temp.member_id('e0000000-0000-4000-8000-000000002018', r.author),
  r.text, r.language::public.language_code, r.status::public.recommendation_status,
  r.created_at::timestamptz
from (values
  ('70000000-0000-4000-8000-000000001801', '50000000-0000-4000-8000-000000001802', 'delegate.ro.1@accord.test', 'ro', 'proposed',
    '2018-11-21 12:10 Europe/Bucharest',
    'Legea să precizeze care atribuții pot fi îndeplinite doar de asistenți sociali atestați.'),
  ('70000000-0000-4000-8000-000000001802', '50000000-0000-4000-8000-000000001803', 'delegate.ge.1@accord.test', 'en', 'accepted',
    '2018-11-21 14:40 Europe/Bucharest',
    'Cost the national workforce strategy before it is adopted, and publish the costing with it.'),
  ('70000000-0000-4000-8000-000000001803', '50000000-0000-4000-8000-000000001803', 'delegate.md.1@accord.test', 'ro', 'proposed',
    '2018-11-21 15:05 Europe/Bucharest',
    'Posturile de asistent social comunitar să fie finanțate de la bugetul de stat, ca să nu depindă doar de bugetele locale.'),
  ('70000000-0000-4000-8000-000000001804', '50000000-0000-4000-8000-000000001804', 'delegate.kz.1@accord.test', 'ru', 'accepted',
    '2018-11-21 14:50 Europe/Bucharest',
    'Ежегодно собирать минимальный набор кадровых данных: должности, вакансии, квалификация и текучесть кадров.'),
  ('70000000-0000-4000-8000-000000001805', '50000000-0000-4000-8000-000000001804', 'delegate.hr.1@accord.test', 'en', 'proposed',
    '2018-11-21 15:10 Europe/Bucharest',
    'Use one national list of job titles for the social service workforce across all ministries.'),
  ('70000000-0000-4000-8000-000000001806', '50000000-0000-4000-8000-000000001805', 'delegate.al.1@accord.test', 'en', 'accepted',
    '2018-11-21 15:00 Europe/Bucharest',
    'Give one ministry the mandate to lead workforce planning, with a formal role for health, education and justice.'),
  ('70000000-0000-4000-8000-000000001807', '50000000-0000-4000-8000-000000001808', 'delegate.by.2@accord.test', 'ru', 'proposed',
    '2018-11-22 11:40 Europe/Bucharest',
    'Включить в учебные программы по социальной работе не менее 400 часов полевой практики под руководством супервизора.'),
  ('70000000-0000-4000-8000-000000001808', '50000000-0000-4000-8000-000000001809', 'delegate.tj.1@accord.test', 'ru', 'proposed',
    '2018-11-22 12:00 Europe/Bucharest',
    'Предоставлять выпускникам, которые идут работать в сельские районы, жилье и надбавку к заработной плате на первые три года.'),
  ('70000000-0000-4000-8000-000000001809', '50000000-0000-4000-8000-000000001810', 'delegate.rs.1@accord.test', 'en', 'proposed',
    '2018-11-22 14:35 Europe/Bucharest',
    'Train child protection workers, police and judges together in interviewing children who are victims or witnesses.')
) as r (id, session_id, author, language, status, created_at, text);

insert into public.recommendation_endorsements (recommendation_id, member_id, created_at)
select e.recommendation_id::uuid,
  pg_temp.member_id('e0000000-0000-4000-8000-000000002018', e.email),
  timestamptz '2018-11-21 17:00 Europe/Bucharest'
from (values
  ('70000000-0000-4000-8000-000000001801', 'delegate.md.1@accord.test'),
  ('70000000-0000-4000-8000-000000001801', 'delegate.bg.1@accord.test'),
  ('70000000-0000-4000-8000-000000001802', 'delegate.am.1@accord.test'),
  ('70000000-0000-4000-8000-000000001802', 'delegate.ua.1@accord.test'),
  ('70000000-0000-4000-8000-000000001802', 'delegate.rs.1@accord.test'),
  ('70000000-0000-4000-8000-000000001802', 'delegate.ro.2@accord.test'),
  ('70000000-0000-4000-8000-000000001803', 'delegate.md.2@accord.test'),
  ('70000000-0000-4000-8000-000000001803', 'delegate.ro.1@accord.test'),
  ('70000000-0000-4000-8000-000000001804', 'delegate.kg.1@accord.test'),
  ('70000000-0000-4000-8000-000000001804', 'delegate.tj.1@accord.test'),
  ('70000000-0000-4000-8000-000000001804', 'delegate.hr.1@accord.test'),
  ('70000000-0000-4000-8000-000000001805', 'delegate.me.1@accord.test'),
  ('70000000-0000-4000-8000-000000001806', 'delegate.xk.1@accord.test'),
  ('70000000-0000-4000-8000-000000001806', 'delegate.mk.1@accord.test'),
  ('70000000-0000-4000-8000-000000001807', 'delegate.kz.2@accord.test'),
  ('70000000-0000-4000-8000-000000001807', 'delegate.uz.1@accord.test'),
  ('70000000-0000-4000-8000-000000001808', 'delegate.tm.1@accord.test'),
  ('70000000-0000-4000-8000-000000001809', 'delegate.ba.2@accord.test'),
  ('70000000-0000-4000-8000-000000001809', 'delegate.ge.1@accord.test')
) as e (recommendation_id, email);

-- ============================================================ the 2023 consultation
-- Online consultation on the social service workforce in Ukraine's recovery, April 2023.
-- Sessions 1, 2a, 2b and 3 each end in key recommendations, which participants added to
-- the session's board (the part a shared whiteboard played at the real event). Ukrainian
-- is not one of the app's working languages, so the event runs in en/ro/ru.

insert into public.events (
  id, slug, title, summary, venue, timezone, starts_on, ends_on, languages, default_language, status, created_by
) values (
  'e0000000-0000-4000-8000-000000002023',
  'ukraine-recovery-2023',
  pg_temp.tr(
    'Online consultation: the social service workforce in Ukraine''s recovery',
    'Consultare online: personalul din serviciile sociale în redresarea Ucrainei',
    'Онлайн-консультация: кадры социальных служб в восстановлении Украины'),
  pg_temp.tr(
    'An online consultation with Ukrainian ministries, local authorities, NGOs and international partners on how to rebuild and strengthen '
      || 'the social service workforce as part of Ukraine''s recovery. Participants add recommendations to each session''s board; every session '
      || 'closes with its key recommendations.',
    'O consultare online cu ministere ucrainene, autorități locale, ONG-uri și parteneri internaționali despre cum poate fi refăcut și '
      || 'consolidat personalul din serviciile sociale ca parte a redresării Ucrainei. Participanții adaugă recomandări pe panoul fiecărei '
      || 'sesiuni; fiecare sesiune se încheie cu recomandările sale principale.',
    'Онлайн-консультация с украинскими министерствами, органами местного самоуправления, НПО и международными партнерами о том, как '
      || 'восстановить и укрепить кадры социальных служб в ходе восстановления Украины. Участники добавляют рекомендации на доску каждой '
      || 'сессии; каждая сессия завершается ключевыми рекомендациями.'),
  -- No venue: an online event has none, and a word such as "Online" would stay untranslated.
  null,
  'Europe/Kyiv',
  '2023-04-26',
  '2023-04-26',
  '{en,ro,ru}',
  'en',
  'published',
  'a0000000-0000-4000-8000-000000000001'
);

insert into public.members (
  id, event_id, user_id, role, country_code, organisation, sector, profile_type, display_name,
  preferred_language, invited_at, joined_at
)
select
  ('b2023000' || substr(p.user_id::text, 9))::uuid,
  'e0000000-0000-4000-8000-000000002023',
  p.user_id, p.role_2018, p.country_code, p.organisation, p.sector, p.profile_type, p.display_name,
  p.preferred_language,
  timestamptz '2023-04-10 10:00 Europe/Kyiv',
  timestamptz '2023-04-26 09:45 Europe/Kyiv'
from seed_people as p
where p.in_2023;

insert into public.event_days (id, event_id, day_index, date, theme) values
  ('d0000000-0000-4000-8000-000000202301', 'e0000000-0000-4000-8000-000000002023', 1, '2023-04-26',
    pg_temp.tr(
      'A workforce for recovery',
      'Personalul din serviciile sociale pentru redresare',
      'Кадры социальных служб для восстановления'));

insert into public.sessions (id, event_id, day_id, starts_at, ends_at, room, format, status, position, title, description)
select s.id::uuid, 'e0000000-0000-4000-8000-000000002023', 'd0000000-0000-4000-8000-000000202301',
  ('2023-04-26 ' || s.starts || ' Europe/Kyiv')::timestamptz,
  ('2023-04-26 ' || s.ends || ' Europe/Kyiv')::timestamptz,
  s.room, s.format::public.session_format, 'closed', s.position, s.title, s.description
-- Online sessions have no room: the format (webinar, working group) says where they happen.
from (values
  ('50000000-0000-4000-8000-000000002301', '10:00', '11:00', null, 'webinar', 0,
    pg_temp.tr(
      'Session 1: The social service workforce in wartime: what has changed',
      'Sesiunea 1: Personalul din serviciile sociale în timp de război: ce s-a schimbat',
      'Сессия 1: Кадры социальных служб в военное время: что изменилось'),
    pg_temp.tr(
      'Displacement, the new needs of families and children, and the loss of staff: an overview from national and local authorities.',
      'Strămutarea, noile nevoi ale familiilor și copiilor și pierderea de personal: o prezentare din partea autorităților naționale și locale.',
      'Вынужденное переселение, новые потребности семей и детей и потеря персонала: обзор, представленный национальными и местными органами власти.')),
  ('50000000-0000-4000-8000-000000002302', '11:15', '12:45', null, 'working_group', 1,
    pg_temp.tr(
      'Session 2a: Community-based services and care reform',
      'Sesiunea 2a: Serviciile comunitare și reforma sistemului de îngrijire a copiilor',
      'Сессия 2а: Услуги по месту жительства и реформа системы ухода за детьми (деинституционализация)'),
    pg_temp.tr(
      'Which workers the hromadas need to support families and bring children home from institutions, and how to recruit them.',
      'De ce lucrători au nevoie comunitățile teritoriale (hromade) pentru a sprijini familiile și a readuce copiii din instituții acasă și cum pot fi recrutați.',
      'Какие работники нужны территориальным громадам (общинам), чтобы поддерживать семьи и возвращать детей из учреждений домой, и как их привлечь.')),
  ('50000000-0000-4000-8000-000000002303', '11:15', '12:45', null, 'working_group', 2,
    pg_temp.tr(
      'Session 2b: Supporting the workers: supervision, mental health and psychosocial support',
      'Sesiunea 2b: Sprijinirea lucrătorilor: supervizare, sănătate mintală și sprijin psihosocial',
      'Сессия 2б: Поддержка работников: супервизия, психическое здоровье и психосоциальная поддержка'),
    pg_temp.tr(
      'Keeping social service workers well while they work under stress and are themselves in danger.',
      'Cum poate fi protejată starea de bine a lucrătorilor din serviciile sociale care lucrează sub presiune și sunt ei înșiși în pericol.',
      'Как сохранить благополучие работников социальных служб, которые трудятся в условиях стресса и сами находятся в опасности.')),
  ('50000000-0000-4000-8000-000000002304', '13:30', '14:30', null, 'webinar', 0,
    pg_temp.tr(
      'Session 3: Priorities for recovery: key recommendations',
      'Sesiunea 3: Priorități pentru redresare: recomandările principale',
      'Сессия 3: Приоритеты восстановления: ключевые рекомендации'),
    pg_temp.tr(
      'The rapporteurs of sessions 1, 2a and 2b present the key recommendations; participants agree the priorities for the recovery plan.',
      'Raportorii sesiunilor 1, 2a și 2b prezintă recomandările principale; participanții convin asupra priorităților pentru planul de redresare.',
      'Докладчики сессий 1, 2а и 2б представляют ключевые рекомендации; участники согласовывают приоритеты для плана восстановления.'))
) as s (id, starts, ends, room, format, position, title, description);

insert into public.session_people (id, session_id, role, member_id, name, affiliation, position)
select
  pg_temp.stable_uuid('session_person:' || sp.session_id || ':' || sp.role || ':' || coalesce(sp.email, sp.name)),
  sp.session_id::uuid,
  sp.role::public.session_person_role,
  case when sp.email is null then null
    else pg_temp.member_id('e0000000-0000-4000-8000-000000002023', sp.email) end,
  sp.name, sp.affiliation, sp.position
from (values
  ('50000000-0000-4000-8000-000000002301', 'chair', 'delegate.ua.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002301', 'resource_person', null, 'Iryna Kovalenko',
    pg_temp.tr(
      'Ministry of Social Policy of Ukraine',
      'Ministerul Politicii Sociale al Ucrainei',
      'Министерство социальной политики Украины'), 0),
  ('50000000-0000-4000-8000-000000002301', 'resource_person', null, 'Serhiy Lysenko',
    pg_temp.tr(
      'Association of Ukrainian Cities',
      'Asociația Orașelor din Ucraina',
      'Ассоциация городов Украины'), 1),
  ('50000000-0000-4000-8000-000000002301', 'rapporteur', 'rapporteur@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002302', 'chair', 'delegate.ua.2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002302', 'resource_person', null, 'Halyna Moroz',
    pg_temp.tr(
      'Hope and Homes for Children, Ukraine',
      'Fundația Hope and Homes for Children, Ucraina',
      'Международный благотворительный фонд «Надежда и жилье для детей», Украина'), 0),
  ('50000000-0000-4000-8000-000000002302', 'resource_person', 'delegate.md.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000002302', 'rapporteur', 'rapporteur2@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002303', 'chair', 'delegate.ge.1@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002303', 'resource_person', null, 'Yulia Savchenko',
    pg_temp.tr(
      'Ukrainian Catholic University, Department of Social Work',
      'Universitatea Catolică Ucraineană, Departamentul de Asistență Socială',
      'Украинский католический университет, кафедра социальной работы'), 0),
  ('50000000-0000-4000-8000-000000002303', 'resource_person', 'delegate.ro.2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000002303', 'rapporteur', 'rapporteur3@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002304', 'chair', 'organiser@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002304', 'speaker', 'rapporteur@accord.test', null, null, 0),
  ('50000000-0000-4000-8000-000000002304', 'speaker', 'rapporteur2@accord.test', null, null, 1),
  ('50000000-0000-4000-8000-000000002304', 'speaker', 'rapporteur3@accord.test', null, null, 2),
  ('50000000-0000-4000-8000-000000002304', 'rapporteur', 'rapporteur4@accord.test', null, null, 0)
) as sp (session_id, role, email, name, affiliation, position);

-- The key recommendations of each session, accepted by its rapporteur.
insert into public.recommendations (id, session_id, author_id, text, language, status, created_at)
select r.id::uuid, r.session_id::uuid,
  pg_temp.member_id('e0000000-0000-4000-8000-000000002023', r.author),
  r.text, r.language::public.language_code, 'accepted', r.created_at::timestamptz
from (values
  -- Session 1
  ('70000000-0000-4000-8000-000000002301', '50000000-0000-4000-8000-000000002301', 'delegate.ua.1@accord.test', 'en',
    '2023-04-26 10:40 Europe/Kyiv',
    'Name the social service workforce explicitly in the national recovery plan, with a target number of posts for every hromada.'),
  ('70000000-0000-4000-8000-000000002302', '50000000-0000-4000-8000-000000002301', 'delegate.kz.1@accord.test', 'ru',
    '2023-04-26 10:45 Europe/Kyiv',
    'Восстановить кадровый учет социальных служб, включая данные о вакансиях и о работниках, вынужденно сменивших место жительства.'),
  ('70000000-0000-4000-8000-000000002303', '50000000-0000-4000-8000-000000002301', 'delegate.md.1@accord.test', 'en',
    '2023-04-26 10:50 Europe/Kyiv',
    'Recognise the qualifications of displaced social workers quickly, so that they can work where they now live.'),
  -- Session 2a
  ('70000000-0000-4000-8000-000000002304', '50000000-0000-4000-8000-000000002302', 'delegate.ua.2@accord.test', 'en',
    '2023-04-26 12:20 Europe/Kyiv',
    'Fund at least one specialist in social work in every hromada before any further residential institution closes.'),
  ('70000000-0000-4000-8000-000000002305', '50000000-0000-4000-8000-000000002302', 'delegate.ro.1@accord.test', 'ro',
    '2023-04-26 12:25 Europe/Kyiv',
    'Să se dezvolte asistența maternală profesionistă, cu formare inițială și supervizare pentru toți asistenții maternali.'),
  ('70000000-0000-4000-8000-000000002306', '50000000-0000-4000-8000-000000002302', 'delegate.bg.2@accord.test', 'en',
    '2023-04-26 12:30 Europe/Kyiv',
    'Train para-professionals recruited from the community to support families, with a clear path to a recognised qualification.'),
  -- Session 2b
  ('70000000-0000-4000-8000-000000002307', '50000000-0000-4000-8000-000000002303', 'delegate.ge.2@accord.test', 'en',
    '2023-04-26 12:15 Europe/Kyiv',
    'Make regular supervision and psychosocial support a standard part of every social service worker''s job, not a project.'),
  ('70000000-0000-4000-8000-000000002308', '50000000-0000-4000-8000-000000002303', 'delegate.am.1@accord.test', 'ru',
    '2023-04-26 12:20 Europe/Kyiv',
    'Предоставить работникам, которые работают в прифронтовых районах, дополнительные дни отпуска и доступ к психологической помощи.'),
  ('70000000-0000-4000-8000-000000002309', '50000000-0000-4000-8000-000000002303', 'delegate.md.2@accord.test', 'ro',
    '2023-04-26 12:35 Europe/Kyiv',
    'Supervizorii să fie formați în abordarea informată de traumă înainte de extinderea serviciilor.'),
  -- Session 3
  ('70000000-0000-4000-8000-000000002310', '50000000-0000-4000-8000-000000002304', 'delegate.ua.1@accord.test', 'en',
    '2023-04-26 14:10 Europe/Kyiv',
    'Set up a national working group on the social service workforce to follow up these recommendations, with partners reporting back within six months.'),
  ('70000000-0000-4000-8000-000000002311', '50000000-0000-4000-8000-000000002304', 'delegate.ro.2@accord.test', 'en',
    '2023-04-26 14:15 Europe/Kyiv',
    'Align donor-funded training with one national curriculum, so that every course counts towards a qualification.')
) as r (id, session_id, author, language, created_at, text);

insert into public.recommendation_endorsements (recommendation_id, member_id, created_at)
select e.recommendation_id::uuid,
  pg_temp.member_id('e0000000-0000-4000-8000-000000002023', e.email),
  timestamptz '2023-04-26 14:20 Europe/Kyiv'
from (values
  ('70000000-0000-4000-8000-000000002301', 'delegate.ua.2@accord.test'),
  ('70000000-0000-4000-8000-000000002301', 'delegate.ge.1@accord.test'),
  ('70000000-0000-4000-8000-000000002301', 'delegate.md.1@accord.test'),
  ('70000000-0000-4000-8000-000000002303', 'delegate.ro.1@accord.test'),
  ('70000000-0000-4000-8000-000000002304', 'delegate.ua.1@accord.test'),
  ('70000000-0000-4000-8000-000000002304', 'delegate.md.2@accord.test'),
  ('70000000-0000-4000-8000-000000002307', 'delegate.ua.1@accord.test'),
  ('70000000-0000-4000-8000-000000002307', 'delegate.am.1@accord.test'),
  ('70000000-0000-4000-8000-000000002308', 'delegate.ge.2@accord.test'),
  ('70000000-0000-4000-8000-000000002310', 'delegate.bg.2@accord.test'),
  ('70000000-0000-4000-8000-000000002310', 'delegate.kz.1@accord.test'),
  ('70000000-0000-4000-8000-000000002310', 'delegate.ro.2@accord.test')
) as e (recommendation_id, email);

-- ------------------------------------------------------------ clean up
drop function pg_temp.member_id(uuid, text);
drop function pg_temp.stable_uuid(text);
drop function pg_temp.tr(text, text, text);
drop table seed_people;
