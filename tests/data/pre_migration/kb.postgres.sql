--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id integer NOT NULL,
    name character varying(200) NOT NULL,
    role character varying(16) NOT NULL,
    token_hash character varying(64) NOT NULL,
    hint character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: api_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.api_tokens_id_seq OWNED BY public.api_tokens.id;


--
-- Name: article_vote_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.article_vote_keys (
    key character varying(64) NOT NULL,
    vote_id integer NOT NULL
);


--
-- Name: article_votes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.article_votes (
    id integer NOT NULL,
    article_id character varying(400) NOT NULL,
    helpful boolean NOT NULL,
    comment text NOT NULL,
    locale character varying(8),
    search_id integer,
    at timestamp with time zone NOT NULL,
    day date,
    client character varying(64),
    staff boolean
);


--
-- Name: article_votes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.article_votes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: article_votes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.article_votes_id_seq OWNED BY public.article_votes.id;


--
-- Name: articles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.articles (
    id character varying(400) NOT NULL,
    path text NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    locale character varying(8) NOT NULL,
    product character varying(200) NOT NULL,
    tags json NOT NULL,
    audience character varying(16) NOT NULL,
    owner character varying(200) NOT NULL,
    reviewed date,
    review_every integer,
    status character varying(16) NOT NULL,
    translation_of character varying(400) NOT NULL,
    extra json NOT NULL,
    content_hash character varying(64) NOT NULL,
    first_commit_at timestamp with time zone,
    first_author character varying(200) NOT NULL,
    last_commit_at timestamp with time zone,
    last_author character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    build_id character varying(64) NOT NULL
);


--
-- Name: builds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.builds (
    id character varying(64) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    status character varying(16) NOT NULL,
    articles_dir text NOT NULL,
    model character varying(200) NOT NULL,
    dimension integer NOT NULL,
    articles integer NOT NULL,
    chunks integer NOT NULL,
    embedded integer NOT NULL,
    reused integer NOT NULL,
    errors integer NOT NULL,
    warnings integer NOT NULL,
    seconds double precision NOT NULL
);


--
-- Name: chunks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.chunks (
    id character varying(440) NOT NULL,
    article_id character varying(400) NOT NULL,
    section_ordinal integer NOT NULL,
    line_start integer NOT NULL,
    line_end integer NOT NULL,
    tokens integer NOT NULL,
    text_hash character varying(64) NOT NULL
);


--
-- Name: content_gaps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.content_gaps (
    id integer NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(16) NOT NULL,
    suggestion_id character varying(40),
    text text NOT NULL,
    language character varying(8),
    top_confidence double precision NOT NULL
);


--
-- Name: content_gaps_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.content_gaps_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: content_gaps_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.content_gaps_id_seq OWNED BY public.content_gaps.id;


--
-- Name: review_actions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_actions (
    id integer NOT NULL,
    article_id character varying(400) NOT NULL,
    action character varying(16) NOT NULL,
    by character varying(200) NOT NULL,
    at timestamp with time zone NOT NULL,
    until date,
    note text NOT NULL
);


--
-- Name: review_actions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.review_actions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: review_actions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.review_actions_id_seq OWNED BY public.review_actions.id;


--
-- Name: search_clicks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_clicks (
    id integer NOT NULL,
    search_id integer NOT NULL,
    article_id character varying(400) NOT NULL,
    "position" integer NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: search_clicks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.search_clicks_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: search_clicks_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.search_clicks_id_seq OWNED BY public.search_clicks.id;


--
-- Name: search_queries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_queries (
    id integer NOT NULL,
    at timestamp with time zone NOT NULL,
    query text NOT NULL,
    locale character varying(8),
    language character varying(8),
    mode character varying(16) NOT NULL,
    filters json NOT NULL,
    results integer NOT NULL,
    shown json NOT NULL,
    "offset" integer NOT NULL,
    took_ms double precision NOT NULL,
    did_you_mean text,
    staff boolean NOT NULL,
    fallback_locale character varying(8)
);


--
-- Name: search_queries_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.search_queries_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: search_queries_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.search_queries_id_seq OWNED BY public.search_queries.id;


--
-- Name: sections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sections (
    article_id character varying(400) NOT NULL,
    ordinal integer NOT NULL,
    level integer NOT NULL,
    heading text NOT NULL,
    path json NOT NULL,
    anchor character varying(400) NOT NULL,
    line_start integer NOT NULL,
    line_end integer NOT NULL
);


--
-- Name: sign_in_failures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sign_in_failures (
    id integer NOT NULL,
    email character varying(320) NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: sign_in_failures_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.sign_in_failures_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sign_in_failures_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.sign_in_failures_id_seq OWNED BY public.sign_in_failures.id;


--
-- Name: staff_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_sessions (
    id character varying(64) NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: staff_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_users (
    id integer NOT NULL,
    email character varying(320) NOT NULL,
    name character varying(200) NOT NULL,
    role character varying(16) NOT NULL,
    password_hash character varying(256) NOT NULL,
    totp_secret character varying(64),
    totp_secret_enc text,
    totp_last_step integer,
    recovery_hashes json NOT NULL,
    created_at timestamp with time zone NOT NULL,
    disabled_at timestamp with time zone
);


--
-- Name: staff_users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.staff_users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: staff_users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.staff_users_id_seq OWNED BY public.staff_users.id;


--
-- Name: suggestion_feedback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.suggestion_feedback (
    id integer NOT NULL,
    suggestion_id character varying(40) NOT NULL,
    article_id character varying(400) NOT NULL,
    outcome character varying(16) NOT NULL,
    "position" integer,
    role character varying(16) NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: suggestion_feedback_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.suggestion_feedback_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: suggestion_feedback_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.suggestion_feedback_id_seq OWNED BY public.suggestion_feedback.id;


--
-- Name: suggestions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.suggestions (
    id character varying(40) NOT NULL,
    at timestamp with time zone NOT NULL,
    source character varying(16) NOT NULL,
    external_id character varying(200),
    role character varying(16) NOT NULL,
    language character varying(8),
    shown json NOT NULL,
    top_confidence double precision NOT NULL,
    gap boolean NOT NULL,
    took_ms double precision NOT NULL
);


--
-- Name: api_tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens ALTER COLUMN id SET DEFAULT nextval('public.api_tokens_id_seq'::regclass);


--
-- Name: article_votes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_votes ALTER COLUMN id SET DEFAULT nextval('public.article_votes_id_seq'::regclass);


--
-- Name: content_gaps id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.content_gaps ALTER COLUMN id SET DEFAULT nextval('public.content_gaps_id_seq'::regclass);


--
-- Name: review_actions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_actions ALTER COLUMN id SET DEFAULT nextval('public.review_actions_id_seq'::regclass);


--
-- Name: search_clicks id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_clicks ALTER COLUMN id SET DEFAULT nextval('public.search_clicks_id_seq'::regclass);


--
-- Name: search_queries id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_queries ALTER COLUMN id SET DEFAULT nextval('public.search_queries_id_seq'::regclass);


--
-- Name: sign_in_failures id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_failures ALTER COLUMN id SET DEFAULT nextval('public.sign_in_failures_id_seq'::regclass);


--
-- Name: staff_users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_users ALTER COLUMN id SET DEFAULT nextval('public.staff_users_id_seq'::regclass);


--
-- Name: suggestion_feedback id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suggestion_feedback ALTER COLUMN id SET DEFAULT nextval('public.suggestion_feedback_id_seq'::regclass);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_tokens VALUES (1, 'help desk', 'agent', 'ae71c1afafab206f74c60a47b2335f40a2e11bd4abbe101289808320b2b6848b', 'kb_KzLTIT', '2026-12-06 21:48:05.311592+00', NULL);
INSERT INTO public.api_tokens VALUES (2, 'old laptop', 'owner', '8dc4a4135a936bf38aa5d3fbf15fcbed1fd2415f630d462e2fffa97c65a41c5f', 'kb_tr6iBu', '2026-12-06 21:48:05.316591+00', '2026-12-06 21:48:05.320924+00');


--
-- Data for Name: article_vote_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.article_vote_keys VALUES ('657055e6032d34c02d0e9f871d7de24b687bbd726b5dddea7c2bc08e7d6b0ceb', 1);
INSERT INTO public.article_vote_keys VALUES ('de15114f886b63a09f61d170b6f5722539aaef2148513d67868bfd751d3e77e4', 2);
INSERT INTO public.article_vote_keys VALUES ('658d7d69817a3c5df5dd841d28b26a06ad89eec143ec03f8feee991d6fa75ccf', 3);


--
-- Data for Name: article_votes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.article_votes VALUES (1, 'es/cuenta/restablecer-contrasena', false, 'faltan pasos', NULL, NULL, '2026-12-06 21:48:14.511277+00', '2026-12-06', 'e5a2e9d4fb066d5374d40549c7cdc85b30558b6a621e9c358f8e677f74d13471', false);
INSERT INTO public.article_votes VALUES (2, 'en/account/reset-password', false, 'faltan pasos', NULL, NULL, '2026-12-06 21:48:14.566634+00', '2026-12-06', 'e5a2e9d4fb066d5374d40549c7cdc85b30558b6a621e9c358f8e677f74d13471', false);
INSERT INTO public.article_votes VALUES (3, 'es/facturacion/verifactu', false, 'faltan pasos', NULL, NULL, '2026-12-06 21:48:15.508198+00', '2026-12-06', 'e5a2e9d4fb066d5374d40549c7cdc85b30558b6a621e9c358f8e677f74d13471', false);


--
-- Data for Name: articles; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.articles VALUES ('en/account/data-export-gdpr', 'en/account/data-export-gdpr.md', 'Export your data', 'Download all your invoices, customers and expenses, for a backup or a data portability request.', 'en', 'cuenta', '["export", "gdpr", "backup", "data"]', 'public', 'james.cole', '2025-05-06', NULL, 'published', '', '{}', '3376144284861e3965005a59788013dbf0538727e6de1e4000c8a1f78376d77a', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/account/reset-password', 'en/account/reset-password.md', 'Reset your password', 'What to do if you forgot your password or the reset email does not arrive.', 'en', 'cuenta', '["password", "sign in", "login"]', 'public', 'james.cole', '2026-10-02', 180, 'published', 'es/cuenta/restablecer-contrasena', '{}', 'dff632899f77e6a6076dc148509f39c8f64102101fac54a46ec6e393893b0378', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/account/single-sign-on', 'en/account/single-sign-on.md', 'Single sign-on with Google Workspace or Microsoft Entra ID', 'Let your team sign in to Facturo with their company Google or Microsoft account (Business plan).', 'en', 'cuenta', '["sso", "saml", "google workspace", "microsoft entra id", "azure ad"]', 'public', 'james.cole', '2026-06-18', 180, 'published', '', '{}', '62bb7a31b358bd150161daf10b0abdb89175b260ed864437314c6d83e27b28f3', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/account/two-step-verification', 'en/account/two-step-verification.md', 'Turn on two-step verification', 'Protect your account with a code from an authenticator app and keep your recovery codes safe.', 'en', 'cuenta', '["security", "2fa", "authentication"]', 'public', 'james.cole', '2025-11-20', 180, 'published', 'es/cuenta/verificacion-en-dos-pasos', '{}', '2dcbc732b71f259242b2470d7930984ca6a11fe7033a0ac850a3bd9101611db5', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/billing/change-plan', 'en/billing/change-plan.md', 'Change your plan or payment method', 'Upgrade or downgrade, change the card you pay Facturo with, and how proration works.', 'en', 'suscripcion', '["plan", "subscription", "card", "price", "proration"]', 'public', 'james.cole', '2026-11-03', 180, 'published', 'es/suscripcion/cambiar-plan', '{}', '8d2bbf7c7a3b617f2ea5c9fc9cf2e8d4f40feac53bbce9aeba0c7c2399637541', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/expenses/scan-receipts', 'en/expenses/scan-receipts.md', 'Scan expense receipts with the mobile app', 'Take a photo of a receipt and Facturo reads the supplier, date, net amount and VAT.', 'en', 'app-movil', '["expenses", "receipts", "ocr", "mobile app"]', 'public', 'emma.hart', '2026-07-15', 180, 'published', 'es/gastos/escanear-tickets', '{}', 'c6e4e98a3898cffd66e85e1475c3a7a2885d9f9e4201f064c3bfca757821b82d', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/getting-started/company-settings', 'en/getting-started/company-settings.md', 'Set up your business details', 'Legal name, tax ID, registered address, logo and bank details shown on your invoices.', 'en', 'facturacion', '["business", "tax id", "logo"]', 'public', 'james.cole', '2026-08-03', NULL, 'published', 'es/primeros-pasos/configurar-empresa', '{}', 'e7cbef41b1ac1f462fa070c61fcadfcc821c552f5a5dfddc80ea50a53469c3d8', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/getting-started/create-account', 'en/getting-started/create-account.md', 'Create a Facturo account', 'Sign up, confirm your email address and start the free trial.', 'en', 'cuenta', '["sign up", "free trial", "registration"]', 'public', 'james.cole', '2026-09-14', 365, 'published', 'es/primeros-pasos/crear-cuenta', '{}', '52bfbd701c826550d10a84919383c9345ebb2194eadb36abfc9e1e0cb751ee8e', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/integrations/api-keys', 'en/integrations/api-keys.md', 'Create API keys', 'Generate a key to connect your own software to the Facturo REST API.', 'en', 'integraciones', '["api", "keys", "developers", "integration"]', 'public', 'james.cole', '2026-07-07', NULL, 'published', 'es/integraciones/api-claves', '{}', 'b57f239049017fa7b3bdfa58111762b4b79ea2a71425fcf06fb2d772811289ac', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/integrations/zapier', 'en/integrations/zapier.md', 'Connect Facturo to Zapier', 'Create invoices from form submissions, shop orders or CRM deals without writing code.', 'en', 'integraciones', '["zapier", "automation", "integration"]', 'public', 'james.cole', '2025-07-22', 180, 'published', '', '{}', 'e20b9e70f9d7fe2fa5a865fde0fc7378d1e71bbf18a6cdc41577dec57438d3a4', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/internal/known-issues', 'en/internal/known-issues.md', 'Known issues board', 'Where the current known issues are listed, how to link tickets to them and when to notify customers.', 'en', 'soporte', '["known issues", "incidents", "status page"]', 'internal', 'carmen.vidal', '2026-11-12', 30, 'published', '', '{}', 'be7f7d72251057d086f3c35269ba92d5ddd45208b87fe933d3caf4705ab24edd', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/internal/support-macros', 'en/internal/support-macros.md', 'Support macros and tone guide', 'Which help-desk macros to use for the most common tickets, and how we write to customers.', 'en', 'soporte', '["macros", "tone", "support", "templates"]', 'internal', 'carmen.vidal', '2025-12-15', 90, 'published', '', '{}', 'c2c48e31a8fb71eba579d266eecb6221cafd87e89a243b1629f143937bb8a66b', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/invoicing/create-invoice', 'en/invoicing/create-invoice.md', 'Create and send an invoice', 'How to issue an invoice, email it to your customer and see whether they opened it.', 'en', 'facturacion', '["invoice", "send", "pdf"]', 'public', 'emma.hart', '2026-08-21', 180, 'published', 'es/facturacion/crear-factura', '{}', '8fae526d18e9efbdfc38c65595f628d9851cc585ebf8a4409df17550fca1a113', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/invoicing/multi-currency', 'en/invoicing/multi-currency.md', 'Invoice in other currencies', 'Issue invoices in US dollars, Mexican pesos or any other currency and record the exchange rate.', 'en', 'facturacion', '["currency", "exchange rate", "international"]', 'public', 'emma.hart', '2025-08-14', 365, 'published', '', '{}', 'bba8ee5922c392bfa13714dfe797186b2b0afcbf1c22ee30783b1cba4f6fb058', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/invoicing/recurring-invoices', 'en/invoicing/recurring-invoices.md', 'Recurring invoices', 'Schedule invoices that are issued and sent automatically every week, month or year.', 'en', 'facturacion', '["recurring", "subscription", "automatic"]', 'public', 'emma.hart', '2026-07-30', NULL, 'published', 'es/facturacion/facturas-recurrentes', '{}', '9c748e5a87b2e8b4f54510fa5737917615609db3a86f746c9a531de6da9a3c29', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/mobile/sync-troubleshooting', 'en/mobile/sync-troubleshooting.md', 'The mobile app does not sync', 'What to check when the app does not show invoices or expenses you can see on the web.', 'en', 'app-movil', '["mobile app", "sync", "android", "ios", "troubleshooting"]', 'public', 'emma.hart', '2026-09-30', 90, 'published', 'es/app-movil/sincronizacion', '{}', '186dfec488060ab70c56b5a89cc4e11a5d64f12fbf9b60dd637e3cb1b0f1e26b', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/payments/card-payments', 'en/payments/card-payments.md', 'Accept card payments', 'Connect your Stripe account so customers can pay invoices by card from the email link.', 'en', 'pagos', '["payments", "card", "stripe", "online payment"]', 'public', 'emma.hart', '2026-07-19', 180, 'published', 'es/pagos/cobros-con-tarjeta', '{}', 'e65ac6fe6ad6d82704576dbe637ead55778d16633e651b069f814e729eefea28', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('en/troubleshooting/invoice-email-not-delivered', 'en/troubleshooting/invoice-email-not-delivered.md', 'The customer does not receive the invoice email', 'Check whether the email was delivered, why it may land in spam and other ways to send the invoice.', 'en', 'facturacion', '["email", "spam", "delivery", "bounce"]', 'public', 'emma.hart', '2026-09-25', 120, 'published', 'es/problemas/correo-factura-no-llega', '{}', '15713915547f097250d7e46b48fbbc45b30763c93710a18f1a9c1475383d3c5a', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/app-movil/modo-sin-conexion', 'es/app-movil/modo-sin-conexion.md', 'Modo sin conexión de la app (versión 4)', 'Cómo funcionaba el modo sin conexión de la app 4.x, retirada en marzo de 2026.', 'es', 'app-movil', '["app m\u00f3vil", "sin conexi\u00f3n", "offline"]', 'public', 'paula.gil', '2025-01-20', NULL, 'archived', '', '{}', '1106bc4e6d4b0a7893619469a59bc23cb74521c04e9c3572047f5aefc36a59ad', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/app-movil/sincronizacion', 'es/app-movil/sincronizacion.md', 'La app móvil no sincroniza', 'Qué comprobar cuando la app no muestra las facturas o los gastos que ves en el ordenador.', 'es', 'app-movil', '["app m\u00f3vil", "sincronizaci\u00f3n", "android", "ios", "problemas"]', 'public', 'paula.gil', '2026-09-30', 90, 'published', '', '{}', '245d10e2e7597086a093e453e80c7aed84c3ea02dd4b89b8f4865c5734c1000d', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/cuenta/cerrar-cuenta', 'es/cuenta/cerrar-cuenta.md', 'Cerrar tu cuenta y exportar tus datos', 'Antes de cerrar la cuenta, descarga tus facturas; después se conservan solo el tiempo que exige la ley.', 'es', 'cuenta', '["baja", "exportar", "datos"]', 'public', 'marta.lopez', '2025-04-18', 365, 'published', '', '{}', '6aa43034bf5df6109774c8b418b4e627e92bcad64461b8d4ae3ef4da8dadcce9', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/cuenta/invitar-usuarios-y-roles', 'es/cuenta/invitar-usuarios-y-roles.md', 'Invitar usuarios y asignar roles', 'Añade a tu gestor o a tu equipo y decide qué puede ver y hacer cada uno.', 'es', 'cuenta', '["usuarios", "roles", "permisos", "gestor\u00eda"]', 'public', 'diego.ruiz', '2026-06-11', NULL, 'published', '', '{}', '9ec88b42baa925fa888efc72ba028071f08c987786e57d528a88c84f60c6b4a8', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/cuenta/restablecer-contrasena', 'es/cuenta/restablecer-contrasena.md', 'Restablecer la contraseña', 'Qué hacer si olvidaste tu contraseña o no recibes el correo para cambiarla.', 'es', 'cuenta', '["contrase\u00f1a", "acceso", "inicio de sesi\u00f3n"]', 'public', 'diego.ruiz', '2026-10-02', 180, 'published', '', '{}', '8cb7d7d65400c8cd2f85677462a3015eff5fb241f76492a2266bbfd3a4fb9c78', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/cuenta/verificacion-en-dos-pasos', 'es/cuenta/verificacion-en-dos-pasos.md', 'Activar la verificación en dos pasos', 'Protege tu cuenta con un código de una aplicación de autenticación y guarda los códigos de recuperación.', 'es', 'cuenta', '["seguridad", "2fa", "autenticaci\u00f3n", "contrase\u00f1a"]', 'public', 'diego.ruiz', '2025-11-20', 180, 'published', '', '{}', '84db4c29260fe119d37da0937d4ff0fc124a5e694181072619f8db8ac1cd719a', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/crear-factura', 'es/facturacion/crear-factura.md', 'Crear y enviar una factura', 'Los pasos para emitir una factura, enviarla por correo y saber si tu cliente la abrió.', 'es', 'facturacion', '["factura", "enviar", "pdf"]', 'public', 'lucia.fernandez', '2026-08-21', 180, 'published', '', '{}', '38301aa08d7c8a62898e8d3de107b8401d0ae78f437c0cdbc3e98f85a1c12ce0', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/factura-electronica-mexico-cfdi', 'es/facturacion/factura-electronica-mexico-cfdi.md', 'Timbrar facturas CFDI 4.0 en México', 'Cómo configurar tu certificado de sello digital y timbrar facturas ante el SAT.', 'es', 'facturacion', '["cfdi", "sat", "m\u00e9xico", "timbrado", "csd"]', 'public', 'andres.mejia', '2026-08-22', 120, 'published', '', '{}', '616e079e0a245a82ba29c7941809efad7a132177369fdfd6bbfbdaadb451f494', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/factura-rectificativa', 'es/facturacion/factura-rectificativa.md', 'Emitir una factura rectificativa', 'Cómo corregir o anular una factura ya emitida sin romper la numeración.', 'es', 'facturacion', '["rectificativa", "abono", "anular factura", "devoluci\u00f3n"]', 'public', 'lucia.fernandez', '2026-06-09', 180, 'published', '', '{}', '36fe3c49943ad94e0a164d9016126a6ad81f191defec131c095de048d996638c', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/facturas-recurrentes', 'es/facturacion/facturas-recurrentes.md', 'Facturas recurrentes', 'Programa facturas que se emiten y envían solas cada semana, mes o año.', 'es', 'facturacion', '["recurrente", "suscripci\u00f3n", "autom\u00e1tico", "cuotas"]', 'public', 'lucia.fernandez', '2026-07-30', NULL, 'published', '', '{}', '8c2754ac2a7cc5ce683dbf5efacabf7018a52cb5c3fc419b2bf25413e33b9965', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/impuestos-iva-irpf', 'es/facturacion/impuestos-iva-irpf.md', 'Configurar IVA, IRPF y recargo de equivalencia', 'Tipos de IVA, retención de IRPF para profesionales y recargo de equivalencia en tus facturas.', 'es', 'facturacion', '["iva", "irpf", "impuestos", "retenci\u00f3n", "recargo de equivalencia"]', 'public', 'lucia.fernandez', '2026-06-01', 180, 'published', '', '{}', 'e28b29e3f56cb8a505f9b85259f90e8937e315fecc1879692001213f09e78fdd', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/plantillas-personalizar', 'es/facturacion/plantillas-personalizar.md', 'Personalizar la plantilla de factura', 'Cambia colores, tipografía, textos legales y el orden de las columnas de tus facturas.', 'es', 'facturacion', '["plantilla", "dise\u00f1o", "pdf", "logotipo"]', 'public', 'lucia.fernandez', '2026-11-10', NULL, 'draft', '', '{}', '12069be0b6e1768b68f3e3328a48553f17325f8749561b42fd69dd0fb5b3c433', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/series-numeracion', 'es/facturacion/series-numeracion.md', 'Series y numeración de facturas', 'Crea series para separar tiendas, años o tipos de factura, y entiende por qué la numeración no puede tener huecos.', 'es', 'facturacion', '["numeraci\u00f3n", "series", "correlativa"]', 'public', 'lucia.fernandez', '2025-02-14', 365, 'published', '', '{}', '225b72339125721b8ac26fc1c58ca915c72f6f311a3da65d2d5f8636d19acd6c', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/facturacion/verifactu', 'es/facturacion/verifactu.md', 'VeriFactu y la factura electrónica en España', 'Qué es VeriFactu, cómo lo cumple Facturo y qué significa el código QR de tus facturas.', 'es', 'facturacion', '["verifactu", "aeat", "factura electr\u00f3nica", "qr", "normativa"]', 'public', 'lucia.fernandez', '2026-10-28', 90, 'published', '', '{}', '178c3aead9639e88d1cdefa7344b41ceda8dcebdc972bd2bcda3c92a8f530138', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/gastos/escanear-tickets', 'es/gastos/escanear-tickets.md', 'Escanear tickets de gasto con la app móvil', 'Haz una foto del ticket y Facturo lee el proveedor, la fecha, la base y el IVA.', 'es', 'app-movil', '["gastos", "tickets", "ocr", "app m\u00f3vil", "foto"]', 'public', 'paula.gil', '2026-07-15', 180, 'published', '', '{}', 'e845751e440bc40c1b872d9309af4e9f63703b34641db1a2e3f19456607ab96c', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/integraciones/api-claves', 'es/integraciones/api-claves.md', 'Crear claves de la API', 'Genera una clave para conectar tus propios programas con la API REST de Facturo.', 'es', 'integraciones', '["api", "claves", "desarrolladores", "integraci\u00f3n"]', 'public', 'andres.mejia', '2026-07-07', NULL, 'published', '', '{}', 'fa14b3aeb19cfc7034f4c90aef0c8926fc8a2f102aa018e75b94da2377a61a24', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/integraciones/exportar-a-contabilidad', 'es/integraciones/exportar-a-contabilidad.md', 'Exportar a tu programa de contabilidad', 'Genera los libros de IVA y los asientos para A3, Contasol, Holded o tu gestoría.', 'es', 'integraciones', '["exportar", "contabilidad", "gestor\u00eda", "libros de iva", "a3"]', 'public', 'andres.mejia', '2025-09-10', NULL, 'published', '', '{}', 'f1e13e8f60d490f8979ff842588b22838c9ea763ecb79181bc9a6f038a0f59cf', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/internas/desbloqueo-cuenta-fraude', 'es/internas/desbloqueo-cuenta-fraude.md', 'Cuentas bloqueadas por sospecha de fraude', 'Por qué el sistema antifraude bloquea cuentas nuevas y cómo verificar al cliente antes de desbloquear.', 'es', 'cuenta', '["fraude", "bloqueo", "verificaci\u00f3n", "seguridad"]', 'internal', 'carmen.vidal', '2026-04-01', 90, 'published', '', '{}', 'c97373cafa4fdb5fb8ce72416184ea5e29eec096d2c0549be4729b8f762181aa', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/internas/escalado-incidencias', 'es/internas/escalado-incidencias.md', 'Procedimiento de escalado a segundo nivel', 'Cuándo y cómo pasar un ticket a segundo nivel o a ingeniería, y qué datos adjuntar.', 'es', 'soporte', '["escalado", "soporte", "procedimiento", "ingenier\u00eda"]', 'internal', 'carmen.vidal', '2026-10-05', 90, 'published', '', '{}', 'd019967e48b34b5d84a4fa414eac3a666544fc79d37831a725f9562253dce40b', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/internas/reembolsos', 'es/internas/reembolsos.md', 'Política de reembolsos y cómo tramitarlos', 'Qué reembolsos aprobamos, hasta qué importe puede aprobar un agente y cómo hacerlo en el backoffice.', 'es', 'suscripcion', '["reembolso", "devoluci\u00f3n", "suscripci\u00f3n", "backoffice"]', 'internal', 'carmen.vidal', '2025-10-12', 180, 'published', '', '{}', 'bf7c31627681a44bd1f0ca33e299672905efdbcbaabc23e054d71d93773d6e27', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/pagos/cobros-con-tarjeta', 'es/pagos/cobros-con-tarjeta.md', 'Cobrar facturas con tarjeta', 'Conecta tu cuenta de Stripe para que tus clientes paguen la factura con tarjeta o Bizum desde el enlace del correo.', 'es', 'pagos', '["cobros", "tarjeta", "stripe", "bizum", "pago en l\u00ednea"]', 'public', 'sergio.navarro', '2026-07-19', 180, 'published', '', '{}', '7be1f7e23e29f8dd696d2a078387ddfc8eb40021703e4c758802c581a528947c', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/pagos/conciliacion-bancaria', 'es/pagos/conciliacion-bancaria.md', 'Conciliación bancaria', 'Conecta tu banco para marcar facturas como cobradas y gastos como pagados a partir de los movimientos.', 'es', 'pagos', '["banco", "conciliaci\u00f3n", "movimientos", "cobros"]', 'public', 'sergio.navarro', '2025-06-30', NULL, 'published', '', '{}', 'e6fadcf8ce70f8978863c6052c8c74d50fb24c904b54f1383b2791538688f066', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/pagos/recordatorios-de-pago', 'es/pagos/recordatorios-de-pago.md', 'Recordatorios automáticos de pago', 'Envía avisos a los clientes antes y después del vencimiento de sus facturas.', 'es', 'pagos', '["recordatorios", "impagos", "vencimiento", "morosidad"]', 'public', 'sergio.navarro', '2026-09-02', NULL, 'published', '', '{}', 'bcf411acf830a7250a7350c4d0bdef5d3b97a7dfa12df4d84a164329af8b32f1', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/primeros-pasos/configurar-empresa', 'es/primeros-pasos/configurar-empresa.md', 'Configurar los datos fiscales de tu empresa', 'Razón social, NIF, domicilio fiscal, logotipo y datos bancarios que aparecen en tus facturas.', 'es', 'facturacion', '["empresa", "nif", "datos fiscales", "logotipo"]', 'public', 'marta.lopez', '2026-08-03', NULL, 'published', '', '{}', '5bc84381760d04abc4ab5b337b5c361b5dc68f00bb2d1617f1cfd3edccd83246', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/primeros-pasos/crear-cuenta', 'es/primeros-pasos/crear-cuenta.md', 'Crear una cuenta de Facturo', 'Cómo registrarte, confirmar tu correo y elegir el plan de prueba.', 'es', 'cuenta', '["registro", "prueba gratuita", "alta"]', 'public', 'marta.lopez', '2026-09-14', 365, 'published', '', '{}', '6d65d53d0b8b7e966d29894a71921313aabcb32c5b4620c5a8a12ba5f52cebb1', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/problemas/correo-factura-no-llega', 'es/problemas/correo-factura-no-llega.md', 'El cliente no recibe el correo de la factura', 'Cómo saber si el correo se entregó, por qué puede acabar en spam y cómo enviarla de otra forma.', 'es', 'facturacion', '["correo", "email", "spam", "env\u00edo", "entrega"]', 'public', 'lucia.fernandez', '2026-09-25', 120, 'published', '', '{}', 'cb1676b3f1d749fb004b66c9bea4f2523187f8de00dac9d385dcc872ac9acc3f', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', 'Seed 3fe37113 maintainers', '2026-11-22 13:45:41+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/suscripcion/cambiar-plan', 'es/suscripcion/cambiar-plan.md', 'Cambiar de plan o de forma de pago', 'Sube o baja de plan, cambia la tarjeta con la que pagas Facturo y entiende el prorrateo.', 'es', 'suscripcion', '["plan", "suscripci\u00f3n", "tarjeta", "precio", "prorrateo"]', 'public', 'marta.lopez', '2026-11-03', 180, 'published', '', '{}', 'f02c02c3027f189dca2d7606c29283f1961de18f171a495c6c984443385f4cd3', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');
INSERT INTO public.articles VALUES ('es/suscripcion/descargar-facturas-de-facturo', 'es/suscripcion/descargar-facturas-de-facturo.md', 'Descargar las facturas de tu suscripción', 'Dónde encontrar las facturas que Facturo te emite por tu plan, y cómo cambiar sus datos fiscales.', 'es', 'suscripcion', '["suscripci\u00f3n", "facturas", "recibos"]', 'public', 'marta.lopez', '2025-03-02', NULL, 'published', '', '{}', '9aba0de32be981283fcf321e469383812a2b811a6a97fb968f75a715da0a4286', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', 'Seed 3fe37113 maintainers', '2026-11-22 12:39:24+00', '20261206T214749-4592de');


--
-- Data for Name: builds; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.builds VALUES ('20261206T214749-4592de', '2026-12-06 21:47:49.674239+00', '2026-12-06 21:48:02.207655+00', 'live', '/work/main/articles', 'multilingual-e5-small', 384, 46, 163, 163, 0, 0, 0, 12.533416);


--
-- Data for Name: chunks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.chunks VALUES ('en/account/data-export-gdpr#0.0', 'en/account/data-export-gdpr', 0, 12, 19, 97, 'b5673743f99ae118fe24433520f1e595fc8f7a963680d55e2c7a3f14db527e50');
INSERT INTO public.chunks VALUES ('en/account/reset-password#0.0', 'en/account/reset-password', 0, 14, 14, 20, 'e62d0232fe235047b57a15d846cb607e424da7a9a65124dc6dea2a94feeb091b');
INSERT INTO public.chunks VALUES ('en/account/reset-password#1.0', 'en/account/reset-password', 1, 18, 22, 66, '78cdd3b537c307aeb6afcba7153c678c18d68d6f4f0ca858e6c8a1e348463f88');
INSERT INTO public.chunks VALUES ('en/account/reset-password#2.0', 'en/account/reset-password', 2, 26, 31, 85, '17311f233cf652d8eb16727f685bdd38232022addec7ddca71ccaae2f78e66a3');
INSERT INTO public.chunks VALUES ('en/account/reset-password#3.0', 'en/account/reset-password', 3, 35, 38, 41, '4d24b0e89e9a632ed350cc6d3ad58cbac1ed45849c93ca57401ad2e179bf60c8');
INSERT INTO public.chunks VALUES ('en/account/single-sign-on#0.0', 'en/account/single-sign-on', 0, 13, 13, 18, '5e5c029ccf1b65e632177baa01806054bd92866d28d8bec7592af1476f904149');
INSERT INTO public.chunks VALUES ('en/account/single-sign-on#1.0', 'en/account/single-sign-on', 1, 17, 21, 73, 'b3f9cd1a2f04de1fbeb6498a287fb50d3d4d824231d08d8717f30b0e1408e3bd');
INSERT INTO public.chunks VALUES ('en/account/single-sign-on#2.0', 'en/account/single-sign-on', 2, 25, 26, 32, '1221b05f40b075b2e482800dc458ad768eb73756688360fec7fcf3c639b476ea');
INSERT INTO public.chunks VALUES ('en/account/single-sign-on#3.0', 'en/account/single-sign-on', 3, 30, 31, 34, '0c40e3b45d6e98b471e830743739c7e127be089bd2f944f7164312c081c33fa4');
INSERT INTO public.chunks VALUES ('en/account/two-step-verification#0.0', 'en/account/two-step-verification', 0, 14, 15, 44, 'c75760d130a668e1343fd7ee5d0f5056f7dc1e832fa8530be86ed44d2d97314d');
INSERT INTO public.chunks VALUES ('en/account/two-step-verification#1.0', 'en/account/two-step-verification', 1, 19, 22, 50, '324d5adfce56ea2b0632715581c154a234b7cac6c3160687a57a4a59db0430f0');
INSERT INTO public.chunks VALUES ('en/account/two-step-verification#2.0', 'en/account/two-step-verification', 2, 26, 31, 83, 'c191f95adfe38b5967f3107999602ff8886ca9060b8d7c1e87010aaf344129bc');
INSERT INTO public.chunks VALUES ('en/billing/change-plan#0.0', 'en/billing/change-plan', 0, 14, 14, 11, 'a3e7580ee1cdbecc8f82e2754f879cb2057fe035ef6528b6bd02880c8b8de322');
INSERT INTO public.chunks VALUES ('en/billing/change-plan#1.0', 'en/billing/change-plan', 1, 18, 19, 35, 'e9f37f17fb86b9103b34336f77a52ce014e058211e5d70b6417de8a19a7c55e9');
INSERT INTO public.chunks VALUES ('en/billing/change-plan#2.0', 'en/billing/change-plan', 2, 23, 24, 42, 'd49692c61c850dbba4835a05f8b3cbeafd498ff2ee07504d4785706b8127790e');
INSERT INTO public.chunks VALUES ('en/billing/change-plan#3.0', 'en/billing/change-plan', 3, 28, 29, 40, 'cc113438e7c47119dc2a44c0cbc2b05d080231ad822718085b396da72ac2e49e');
INSERT INTO public.chunks VALUES ('en/billing/change-plan#4.0', 'en/billing/change-plan', 4, 33, 34, 42, 'fd30a78a029fd155e5192df6a3346926c4ee3a33fd307abc026c6ad6865574e8');
INSERT INTO public.chunks VALUES ('en/expenses/scan-receipts#1.0', 'en/expenses/scan-receipts', 1, 16, 19, 53, '984b0f4a65f3b265dc5f4c9b1e98397a234054368a8a22bbfc37a63545de1617');
INSERT INTO public.chunks VALUES ('en/expenses/scan-receipts#2.0', 'en/expenses/scan-receipts', 2, 23, 26, 59, '2ce44a97a9bc6d38cbdbc4124f4b4917777e2b03f43cfe094a3a0163ab2b8623');
INSERT INTO public.chunks VALUES ('en/expenses/scan-receipts#3.0', 'en/expenses/scan-receipts', 3, 30, 31, 32, '764e9c03dfec77970b6b6b963d3def91b8cc504385c5c048cf13ac57cc1cd8ee');
INSERT INTO public.chunks VALUES ('en/getting-started/company-settings#0.0', 'en/getting-started/company-settings', 0, 13, 15, 50, '4ff14a4b6860000bde814587563913f944a967e246c85e42912ae20241db444e');
INSERT INTO public.chunks VALUES ('en/getting-started/company-settings#1.0', 'en/getting-started/company-settings', 1, 19, 22, 65, '84481cbde7b4042b896e16b799633bd1e7715c2bcb3178da5a40f9068aae9a9f');
INSERT INTO public.chunks VALUES ('en/getting-started/company-settings#2.0', 'en/getting-started/company-settings', 2, 26, 27, 38, 'a2bec3a6f653698e949f070cff76552bef9bc25625995f92bfd5845ee2410c33');
INSERT INTO public.chunks VALUES ('en/getting-started/company-settings#3.0', 'en/getting-started/company-settings', 3, 31, 32, 36, 'e0b48a1c398e1dd92d2ca54b2b6ce7dfe6109cee1819e1d7fe8a61c27004acd0');
INSERT INTO public.chunks VALUES ('en/getting-started/company-settings#4.0', 'en/getting-started/company-settings', 4, 36, 37, 29, '8b27b166587de51c13eae0995e4038571a8c7605cb0840fa7b7a24a6f7ee212f');
INSERT INTO public.chunks VALUES ('en/getting-started/create-account#0.0', 'en/getting-started/create-account', 0, 14, 15, 29, '348d72481c1efc4d410d840f0caf9b596c2406cac4555d7199cc294bea85e799');
INSERT INTO public.chunks VALUES ('en/getting-started/create-account#1.0', 'en/getting-started/create-account', 1, 19, 23, 70, '74f8b9166cdaec5a9b8e004e203928d9e91a8d04915d7cb13c5f9c370d0b7672');
INSERT INTO public.chunks VALUES ('en/getting-started/create-account#2.0', 'en/getting-started/create-account', 2, 27, 31, 58, '945c891cd37ce0ff357f50635a069a9201707e6c6f9204ed621bc5a3eab4412b');
INSERT INTO public.chunks VALUES ('en/getting-started/create-account#3.0', 'en/getting-started/create-account', 3, 35, 36, 22, '502ddc82528c8c1de258bf02136b3ab8a46eadbe6c91856f9b653d36274ecfc4');
INSERT INTO public.chunks VALUES ('en/integrations/api-keys#0.0', 'en/integrations/api-keys', 0, 13, 14, 32, '770227057c95950998d8dd226719368eb76dd8887bca4054b4d16866bf72ea12');
INSERT INTO public.chunks VALUES ('en/integrations/api-keys#1.0', 'en/integrations/api-keys', 1, 18, 21, 62, 'e95d1cf97ffced14e84f91c529a04b28c223107f9d4c02e725f694340b787e24');
INSERT INTO public.chunks VALUES ('en/integrations/api-keys#2.0', 'en/integrations/api-keys', 2, 25, 26, 39, 'e87bb62f0168e364a6932f62ffab15fd4f41a4917dc653911ec476a6b28b2bb5');
INSERT INTO public.chunks VALUES ('en/integrations/api-keys#3.0', 'en/integrations/api-keys', 3, 30, 30, 21, 'ffc82ccabe7635015ac8653b499d19ed21e2ab4ad0f13e0f1615fd8484551984');
INSERT INTO public.chunks VALUES ('en/integrations/zapier#0.0', 'en/integrations/zapier', 0, 13, 17, 67, '0dd4e0c9876ef0b7e7db5f03d591c87f0d2a0f9020bd6ce3f43b1e98def4dd64');
INSERT INTO public.chunks VALUES ('en/integrations/zapier#1.0', 'en/integrations/zapier', 1, 21, 26, 73, '77cc9672fbe599b3d9e5203219a0f7d449982a186d6cc1c329ebd809d35e06e8');
INSERT INTO public.chunks VALUES ('en/internal/known-issues#0.0', 'en/internal/known-issues', 0, 14, 15, 24, '96a39b4ff1a03c3e340be11327a4b49218d4885e4ff5f36e81b73737af4fca32');
INSERT INTO public.chunks VALUES ('en/internal/known-issues#1.0', 'en/internal/known-issues', 1, 19, 20, 37, '803425af2d56261f1c1f6e817c6f48cdb6fbbfba31ff34c192bde2472b504a41');
INSERT INTO public.chunks VALUES ('en/internal/known-issues#2.0', 'en/internal/known-issues', 2, 24, 25, 35, '6c34cecbd7b874b0b40a1ca3cdf26ef5a3ec77dfd2ee0ca8a6aa03cbb3b8f4ec');
INSERT INTO public.chunks VALUES ('en/internal/support-macros#0.0', 'en/internal/support-macros', 0, 14, 14, 4, '93c11f41637cf3ca07a17b0a1fdf2a8f73c27d8c2a0aefc50d30a2b604d53d03');
INSERT INTO public.chunks VALUES ('en/internal/support-macros#1.0', 'en/internal/support-macros', 1, 18, 21, 70, '063b7a097138ff183b6d261d96919855a8d15a5569e1fc7a2991ccd86abf8f0e');
INSERT INTO public.chunks VALUES ('en/internal/support-macros#2.0', 'en/internal/support-macros', 2, 25, 30, 101, '0329d19a5eecc0f53b301fca98bd8b27fecb760681c99712cefcdaf49f21c2af');
INSERT INTO public.chunks VALUES ('en/internal/support-macros#3.0', 'en/internal/support-macros', 3, 34, 35, 24, '1ade9dd6fb5dff8650e3662e1d980d63e711e9758ed22df4846908ab5ef1ab02');
INSERT INTO public.chunks VALUES ('en/invoicing/create-invoice#1.0', 'en/invoicing/create-invoice', 1, 16, 25, 137, 'cc2472db610bfb09211d072b22bc54146d84afddba42cb0ce6376abaee39ec30');
INSERT INTO public.chunks VALUES ('en/invoicing/create-invoice#2.0', 'en/invoicing/create-invoice', 2, 29, 30, 41, '4c6404428ed24f5de63ae5dd5f6104013d07f997c56e2f8095f4fc9f8db29498');
INSERT INTO public.chunks VALUES ('en/invoicing/create-invoice#3.0', 'en/invoicing/create-invoice', 3, 34, 36, 44, '0a73577ad0c7a278b3078f84900bdb8f65d9f5ffba132b6796f644c12a5634ad');
INSERT INTO public.chunks VALUES ('en/invoicing/multi-currency#0.0', 'en/invoicing/multi-currency', 0, 13, 14, 26, 'a73e21e126666d61e0b463350b04cac5dcab962306597d40ca1cc7600b3ff406');
INSERT INTO public.chunks VALUES ('en/invoicing/multi-currency#1.0', 'en/invoicing/multi-currency', 1, 18, 20, 50, '5ca27153f496710a3899eefe70980ae8d82da6c3f902f211884de78b1d933e8a');
INSERT INTO public.chunks VALUES ('en/invoicing/multi-currency#2.0', 'en/invoicing/multi-currency', 2, 24, 25, 28, '9fb33374939e40aa461fa95def5aad7b64f858fe30494a4dd20e419f142bc04b');
INSERT INTO public.chunks VALUES ('en/invoicing/recurring-invoices#0.0', 'en/invoicing/recurring-invoices', 0, 13, 14, 32, '45710c09257621db7fb091ac49d117871a94814982e818b829c666bca1f46d8f');
INSERT INTO public.chunks VALUES ('en/invoicing/recurring-invoices#1.0', 'en/invoicing/recurring-invoices', 1, 18, 22, 66, '597dce88edff22f9e63bc309cd8c7af27e980da62e4abbd3f7c99bfd63682cb1');
INSERT INTO public.chunks VALUES ('en/invoicing/recurring-invoices#2.0', 'en/invoicing/recurring-invoices', 2, 26, 27, 55, 'fb0b4437c9a315d4fe5ebfd5f781a48efa573c380ff55aef133ef60e9f35647c');
INSERT INTO public.chunks VALUES ('en/invoicing/recurring-invoices#3.0', 'en/invoicing/recurring-invoices', 3, 31, 31, 23, '6bfbe6a4a7e8794a16e64900fbd0cc3bc21b192aaff5ccae3f6fc94ba9f309eb');
INSERT INTO public.chunks VALUES ('en/mobile/sync-troubleshooting#0.0', 'en/mobile/sync-troubleshooting', 0, 14, 15, 36, 'a46acfcf639bd10d6ddeaaef46aad7a35f7d608d0591561d38a48df78a42f07d');
INSERT INTO public.chunks VALUES ('en/mobile/sync-troubleshooting#1.0', 'en/mobile/sync-troubleshooting', 1, 19, 19, 23, 'a0df5e42eb758c8724030a2f32710fa986a827066da6c229ea13ef5f52072d10');
INSERT INTO public.chunks VALUES ('en/mobile/sync-troubleshooting#2.0', 'en/mobile/sync-troubleshooting', 2, 23, 24, 30, 'b024d4b66caf9217c78e9f7373f5d5c51a126c5382658db2819a3f3d769b4296');
INSERT INTO public.chunks VALUES ('en/mobile/sync-troubleshooting#3.0', 'en/mobile/sync-troubleshooting', 3, 28, 29, 29, '8fd73fabb3023ed95d034bac2c79b8a9fe4823f7ede22e0c0f10026b412bd5e6');
INSERT INTO public.chunks VALUES ('en/mobile/sync-troubleshooting#4.0', 'en/mobile/sync-troubleshooting', 4, 33, 33, 22, 'fdcf233fa6bfa3ab17c9d69424094027bee5ee9865b02902560e4ebb9826e924');
INSERT INTO public.chunks VALUES ('en/payments/card-payments#0.0', 'en/payments/card-payments', 0, 14, 15, 39, 'f25c3b38c2db968c1d10e27d2753b47efb39dd1ed3f4f9b5a6394c853758316f');
INSERT INTO public.chunks VALUES ('en/payments/card-payments#1.0', 'en/payments/card-payments', 1, 19, 21, 60, 'e38c4cd326d2b1a9237fc81af4d8fd5d848f986d4c86ecb418b2600add72ea16');
INSERT INTO public.chunks VALUES ('en/payments/card-payments#2.0', 'en/payments/card-payments', 2, 25, 26, 31, '4e8db25dd091ce0422cf7fb57b45b11ab81e5c0bcfd8a9c9e4387bf1c4aeba4d');
INSERT INTO public.chunks VALUES ('en/payments/card-payments#3.0', 'en/payments/card-payments', 3, 30, 32, 53, '0ca1e6834cb338939397ac237d40600aa9b0f8b0d14df533da208a9a76c1cbba');
INSERT INTO public.chunks VALUES ('en/troubleshooting/invoice-email-not-delivered#1.0', 'en/troubleshooting/invoice-email-not-delivered', 1, 16, 23, 100, 'eac5309a9bca0c10dac3bf83fcf9cf846954e1360f29f6d55aff90d4000236de');
INSERT INTO public.chunks VALUES ('en/troubleshooting/invoice-email-not-delivered#2.0', 'en/troubleshooting/invoice-email-not-delivered', 2, 27, 29, 50, '14f0e58f49c8fd2e2eacfd1ac0a835f038066be14636e5f3d3f6285075ed755a');
INSERT INTO public.chunks VALUES ('en/troubleshooting/invoice-email-not-delivered#3.0', 'en/troubleshooting/invoice-email-not-delivered', 3, 33, 33, 24, '660dd77108487228209f9eadb99038f2d6c63661967904e5e7b07a6d16cb0a3d');
INSERT INTO public.chunks VALUES ('es/app-movil/modo-sin-conexion#0.0', 'es/app-movil/modo-sin-conexion', 0, 13, 15, 58, '10a681e330dffe5cd15c82021d315391324812ae884a6d31b66fe9d47980927c');
INSERT INTO public.chunks VALUES ('es/app-movil/sincronizacion#0.0', 'es/app-movil/sincronizacion', 0, 13, 14, 39, 'eec5121bda6425ca6c964ffabfb0387bd2bdc855865969f88c7525b6e2aff00c');
INSERT INTO public.chunks VALUES ('es/app-movil/sincronizacion#1.0', 'es/app-movil/sincronizacion', 1, 18, 19, 32, '8b8159d23fdab0d21cb109d9167981a0dc525dc5494a7b66004f511e7050da69');
INSERT INTO public.chunks VALUES ('es/app-movil/sincronizacion#2.0', 'es/app-movil/sincronizacion', 2, 23, 24, 30, '2de3c7dc9676ee18a831e09a943586d660facfe233401baf1fca2c9ed8740e63');
INSERT INTO public.chunks VALUES ('es/app-movil/sincronizacion#3.0', 'es/app-movil/sincronizacion', 3, 28, 29, 36, '9f402a58421afe4c531e72212f1b04618f7266740aca5b49af7daa07a4a8d539');
INSERT INTO public.chunks VALUES ('es/app-movil/sincronizacion#4.0', 'es/app-movil/sincronizacion', 4, 33, 34, 33, '99d1a6ef3c981507a1d57ecaabea7b4d78df93e33aef7415a7295f40648125fa');
INSERT INTO public.chunks VALUES ('es/cuenta/cerrar-cuenta#0.0', 'es/cuenta/cerrar-cuenta', 0, 13, 13, 11, '7475296cb9e23279fb1b2f7bc60840553d2ed7a6ad5bc62af0e3320547690c18');
INSERT INTO public.chunks VALUES ('es/cuenta/cerrar-cuenta#1.0', 'es/cuenta/cerrar-cuenta', 1, 17, 19, 61, 'a8de88a4364236937bc1e12f8bde893003ed5b1cef41fd526f60701e7f372393');
INSERT INTO public.chunks VALUES ('es/cuenta/cerrar-cuenta#2.0', 'es/cuenta/cerrar-cuenta', 2, 23, 28, 79, '54e260ec186665c177ad42eb9a905eb26b75a3178a65d8afe9d07c96136af55b');
INSERT INTO public.chunks VALUES ('es/cuenta/invitar-usuarios-y-roles#0.0', 'es/cuenta/invitar-usuarios-y-roles', 0, 12, 13, 31, '76de2088a6b76a3404403b5cdc045cf99b8d7350121e6ed864494bef3b2dfe8e');
INSERT INTO public.chunks VALUES ('es/cuenta/invitar-usuarios-y-roles#1.0', 'es/cuenta/invitar-usuarios-y-roles', 1, 17, 22, 71, 'f7b6e2a5f12dbf336bf2945d31822a7e44081b52f87630918e7403a019cfe36e');
INSERT INTO public.chunks VALUES ('es/cuenta/invitar-usuarios-y-roles#2.0', 'es/cuenta/invitar-usuarios-y-roles', 2, 26, 27, 48, 'e911a6e4b4259a31d042727e574364361438546d23253c44edf70b09202f404c');
INSERT INTO public.chunks VALUES ('es/cuenta/invitar-usuarios-y-roles#3.0', 'es/cuenta/invitar-usuarios-y-roles', 3, 31, 32, 31, '0f77dbecce16060d0f306354bccea80a34b53aca435b4f2171faf0d64ef2e61e');
INSERT INTO public.chunks VALUES ('es/cuenta/restablecer-contrasena#0.0', 'es/cuenta/restablecer-contrasena', 0, 13, 13, 19, '185584718ec8164c86081c44adbeacff182f093e98081ae16c4ad79e78841066');
INSERT INTO public.chunks VALUES ('es/cuenta/restablecer-contrasena#1.0', 'es/cuenta/restablecer-contrasena', 1, 17, 21, 81, 'fe8c7fc2c6c9744fa52cbbd3b89119b51fd52d2472e1097a5ad4e723433b08cd');
INSERT INTO public.chunks VALUES ('es/cuenta/restablecer-contrasena#2.0', 'es/cuenta/restablecer-contrasena', 2, 25, 30, 92, '4e2ce8f9f06b6915ed73999a421f93837c0baf1d18a0d4660a954809c948e2d2');
INSERT INTO public.chunks VALUES ('es/cuenta/restablecer-contrasena#3.0', 'es/cuenta/restablecer-contrasena', 3, 34, 38, 44, '2d13150c93c30821cc38d98492782044ed2d7a4f66a619386195091d93040e29');
INSERT INTO public.chunks VALUES ('es/cuenta/verificacion-en-dos-pasos#0.0', 'es/cuenta/verificacion-en-dos-pasos', 0, 13, 14, 45, '6ec8293b22501047465faabc8e6df971a7305a0f9472f970eaadcc83e54aec4b');
INSERT INTO public.chunks VALUES ('es/cuenta/verificacion-en-dos-pasos#1.0', 'es/cuenta/verificacion-en-dos-pasos', 1, 18, 21, 64, '187f732d03ed2d156cf1186b8ce528b52b71542ee7c1c61d17b2d89b95e760de');
INSERT INTO public.chunks VALUES ('es/cuenta/verificacion-en-dos-pasos#2.0', 'es/cuenta/verificacion-en-dos-pasos', 2, 25, 30, 94, '3d48ca43722a53090928912195a230a353b88b668c63ae252fa08da5eb62ebb5');
INSERT INTO public.chunks VALUES ('es/cuenta/verificacion-en-dos-pasos#3.0', 'es/cuenta/verificacion-en-dos-pasos', 3, 34, 35, 38, '835f50e84bd11d92b8def9631fce278f921f71886e1a7b56beb1504346bf50c8');
INSERT INTO public.chunks VALUES ('es/facturacion/crear-factura#1.0', 'es/facturacion/crear-factura', 1, 15, 24, 133, 'a93afa860ca6e8d9275599a2c67690dd4ccb9b63e9d9c216cd0d529b39d0e24d');
INSERT INTO public.chunks VALUES ('es/facturacion/crear-factura#2.0', 'es/facturacion/crear-factura', 2, 28, 29, 45, 'f78fd4e1584ca0b70106fc787b11ac13be9bdd32dfdd97cbfce5a8be2ccce2db');
INSERT INTO public.chunks VALUES ('es/facturacion/crear-factura#3.0', 'es/facturacion/crear-factura', 3, 33, 35, 51, 'a5448acbdc9bdce3d4574502950fd3be93086f31ea2fb2c7743710bc18f3bb84');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-electronica-mexico-cfdi#0.0', 'es/facturacion/factura-electronica-mexico-cfdi', 0, 13, 14, 38, '01d6464f4faead78ea55fd4af735120ffc48ba40a384b2f843f48453b567c2a8');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-electronica-mexico-cfdi#1.0', 'es/facturacion/factura-electronica-mexico-cfdi', 1, 18, 22, 87, 'dc90862c49f830cb7799d35e12e71f33228bd601fec31e008f8b001c2aaf7380');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-electronica-mexico-cfdi#2.0', 'es/facturacion/factura-electronica-mexico-cfdi', 2, 26, 28, 53, 'c79210823a593fe669b84173989b164276a900529f41c5b809062f55a5159df9');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-electronica-mexico-cfdi#3.0', 'es/facturacion/factura-electronica-mexico-cfdi', 3, 32, 33, 36, '38bdf213a1e790adb5a790003ca2b2011378440e5cad27fb4408f74502b5a674');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-rectificativa#0.0', 'es/facturacion/factura-rectificativa', 0, 13, 14, 46, '1c908c5f5b7cebf3bc4130523c0711cf72599e5fce967abc78877be7f9406191');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-rectificativa#1.0', 'es/facturacion/factura-rectificativa', 1, 18, 20, 43, 'e6ff98884dc13b69b15d9e66408c7d98e184787c820e515c49b7363c7dae7048');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-rectificativa#2.0', 'es/facturacion/factura-rectificativa', 2, 24, 28, 89, 'bf21809a329280e73e41b5925d2dbba4bd194dc9347f3cbefddd82147055ddc3');
INSERT INTO public.chunks VALUES ('es/facturacion/factura-rectificativa#3.0', 'es/facturacion/factura-rectificativa', 3, 32, 33, 31, '2ff064a62ac3aaf0e9837d42c07adc9d15851362125d6888490a14e451a6bd40');
INSERT INTO public.chunks VALUES ('es/facturacion/facturas-recurrentes#0.0', 'es/facturacion/facturas-recurrentes', 0, 12, 13, 31, 'afd901ee161cc9ac307d5a507ece94c5790f6a2bbeb4ed4ef8d250f1b11be909');
INSERT INTO public.chunks VALUES ('es/facturacion/facturas-recurrentes#1.0', 'es/facturacion/facturas-recurrentes', 1, 17, 21, 75, 'e475caf334f400a831ebdb127f22dd96488f93f7e45c7ede765416f359412b8a');
INSERT INTO public.chunks VALUES ('es/facturacion/facturas-recurrentes#2.0', 'es/facturacion/facturas-recurrentes', 2, 25, 26, 48, '467ca787a4f4dd566ee5670fd5aa25dbd3441c490896a1ce900883846b2b4016');
INSERT INTO public.chunks VALUES ('es/facturacion/facturas-recurrentes#3.0', 'es/facturacion/facturas-recurrentes', 3, 30, 30, 26, '5d5cacf6a6d8556110e2f274dc768a2790ea718f252f29bb89ebab565c0b59d5');
INSERT INTO public.chunks VALUES ('es/facturacion/impuestos-iva-irpf#1.0', 'es/facturacion/impuestos-iva-irpf', 1, 15, 19, 85, '5f3f5af695eae240787186c4f8fc6a9e8c2dd79b143747e2dc163937077788f8');
INSERT INTO public.chunks VALUES ('es/facturacion/impuestos-iva-irpf#2.0', 'es/facturacion/impuestos-iva-irpf', 2, 23, 25, 56, 'bdbd37c99c197e3d2560c3c67e8b3996daaa257f7cb40f970b16b05df726fda5');
INSERT INTO public.chunks VALUES ('es/facturacion/impuestos-iva-irpf#3.0', 'es/facturacion/impuestos-iva-irpf', 3, 29, 30, 52, 'a4e4490d185760d4dc3a6606c5973998363924855a5715dc5bd5faae3cd06192');
INSERT INTO public.chunks VALUES ('es/facturacion/plantillas-personalizar#0.0', 'es/facturacion/plantillas-personalizar', 0, 13, 21, 84, '7cb543f952037cc3761ba7fc1139549d4516e7c9f1f48c3805439bc47be64a9c');
INSERT INTO public.chunks VALUES ('es/facturacion/series-numeracion#0.0', 'es/facturacion/series-numeracion', 0, 13, 14, 35, 'aaf9ec933d61176795f69d93abe23ac268fb9384214e727fb7a327a796ed4119');
INSERT INTO public.chunks VALUES ('es/facturacion/series-numeracion#1.0', 'es/facturacion/series-numeracion', 1, 18, 22, 63, 'f77e355434a28b3851911842cca7ff68245c281b95db8b43e9db1c232defde5b');
INSERT INTO public.chunks VALUES ('es/facturacion/series-numeracion#2.0', 'es/facturacion/series-numeracion', 2, 26, 28, 55, '0497ec1ba950f7a1ec4d96a52ce5f5f4cdbe8350a151b69de43486066e3a8e22');
INSERT INTO public.chunks VALUES ('es/facturacion/verifactu#0.0', 'es/facturacion/verifactu', 0, 13, 14, 37, '1efd09d35a8e6967690432232399413d0fdebe54816390c3ba2ffaa525c84b81');
INSERT INTO public.chunks VALUES ('es/facturacion/verifactu#1.0', 'es/facturacion/verifactu', 1, 18, 22, 82, 'fb1e5c46ee44bf678329cc466eeb1617603334a04ae1182c810342e26b06323d');
INSERT INTO public.chunks VALUES ('es/facturacion/verifactu#2.0', 'es/facturacion/verifactu', 2, 26, 27, 39, 'c0571221eedfda2a180b84f1c69988184f77d42f4ebe7397a63b51baf34143d2');
INSERT INTO public.chunks VALUES ('es/facturacion/verifactu#3.0', 'es/facturacion/verifactu', 3, 31, 34, 70, '2e5d07fd53c1e9a886cf5ac5fa899c9dc8b4c93bbafd000cbfdd0e83f626d9b7');
INSERT INTO public.chunks VALUES ('es/gastos/escanear-tickets#1.0', 'es/gastos/escanear-tickets', 1, 15, 18, 65, 'f9e9b3b9f7e1c7aafda88461c627a2eb2fa214b17e1c8df511bab264a286612f');
INSERT INTO public.chunks VALUES ('es/gastos/escanear-tickets#2.0', 'es/gastos/escanear-tickets', 2, 22, 25, 61, '8ff222c376140582b5059cf6927a84f44d358539c808442897e48850d13dcc27');
INSERT INTO public.chunks VALUES ('es/gastos/escanear-tickets#3.0', 'es/gastos/escanear-tickets', 3, 29, 30, 43, 'f675a2ed827e5f2821327e2614605cdc7c413f82de090ba74dcf5f2cf1566203');
INSERT INTO public.chunks VALUES ('es/integraciones/api-claves#0.0', 'es/integraciones/api-claves', 0, 12, 13, 32, 'f796abd0238d2bb280e224805e7f3b9a4621974b404183b8c585ae4436fdf4e8');
INSERT INTO public.chunks VALUES ('es/integraciones/api-claves#1.0', 'es/integraciones/api-claves', 1, 17, 20, 72, '3e808b665aa86bac3743d8b91f7e8bcee8dc18e2f0562f6eb1a9ec92ae9d5aed');
INSERT INTO public.chunks VALUES ('es/integraciones/api-claves#2.0', 'es/integraciones/api-claves', 2, 24, 25, 44, '2f492441ad9b6455be159723c75a890bf21f0e690a2b186b53776c98f8c9191e');
INSERT INTO public.chunks VALUES ('es/integraciones/api-claves#3.0', 'es/integraciones/api-claves', 3, 29, 29, 23, '4b6e6ca7c4e1425b0ddf1eb8c83d449430c8bfadcb4ce9ff450f6042fbe78a31');
INSERT INTO public.chunks VALUES ('es/integraciones/exportar-a-contabilidad#0.0', 'es/integraciones/exportar-a-contabilidad', 0, 12, 16, 71, 'f7e925d483c48a09d00c9e81141fb81c53fc75bdec0c57539345a5784e9f1b8d');
INSERT INTO public.chunks VALUES ('es/integraciones/exportar-a-contabilidad#1.0', 'es/integraciones/exportar-a-contabilidad', 1, 20, 21, 40, '52d5098542da3f6cb547dabdfd738f427a41a463e33f8cc027905acda906ea8b');
INSERT INTO public.chunks VALUES ('es/integraciones/exportar-a-contabilidad#2.0', 'es/integraciones/exportar-a-contabilidad', 2, 25, 26, 35, '92cf5100e75681dc658712bb924739166128cdb124af834a5249bccfcc18ac52');
INSERT INTO public.chunks VALUES ('es/internas/desbloqueo-cuenta-fraude#0.0', 'es/internas/desbloqueo-cuenta-fraude', 0, 14, 15, 41, 'fa1bbe432f8bad63c194621b56ed1e82be43999ce7fb14f73cb267c41e4ae435');
INSERT INTO public.chunks VALUES ('es/internas/desbloqueo-cuenta-fraude#1.0', 'es/internas/desbloqueo-cuenta-fraude', 1, 19, 19, 22, '518ff9f8f36581870393e6b3cfc88dcc88646128a601506ed65bb53bd1740ab3');
INSERT INTO public.chunks VALUES ('es/internas/desbloqueo-cuenta-fraude#2.0', 'es/internas/desbloqueo-cuenta-fraude', 2, 23, 25, 54, 'c3d1457093addb0dd8766651f8910503ca7eac74604aab5f39c45dadfe8e11e0');
INSERT INTO public.chunks VALUES ('es/internas/desbloqueo-cuenta-fraude#3.0', 'es/internas/desbloqueo-cuenta-fraude', 3, 29, 31, 45, '0d03bf5226d3b9ab49bdbde85516a0b2cb6e40280c21d54c96da7f3a32185ac9');
INSERT INTO public.chunks VALUES ('es/internas/escalado-incidencias#0.0', 'es/internas/escalado-incidencias', 0, 14, 14, 10, 'e89fce540b76065fd56b0bb8841e95b361982bd19b048ce2d55fe7d1944911aa');
INSERT INTO public.chunks VALUES ('es/internas/escalado-incidencias#1.0', 'es/internas/escalado-incidencias', 1, 18, 21, 71, 'fa207b352960f1e2373b28fafd84c5f3517c99d04c86a7639e144a18d0a5bc6d');
INSERT INTO public.chunks VALUES ('es/internas/escalado-incidencias#2.0', 'es/internas/escalado-incidencias', 2, 25, 28, 61, '186c7514f8f580a38a390d3b66e4b890fa0f6cfa27a716d027db69e03fa9ff37');
INSERT INTO public.chunks VALUES ('es/internas/escalado-incidencias#3.0', 'es/internas/escalado-incidencias', 3, 32, 33, 47, 'a9654fa27e4244bd113ff3188994b4140314ef5603884621e6648daebe915e28');
INSERT INTO public.chunks VALUES ('es/internas/reembolsos#0.0', 'es/internas/reembolsos', 0, 14, 14, 12, 'b7bc353e33de1c85dedb512b85ed5521d22fc8082c11c639813dd292a72ffc97');
INSERT INTO public.chunks VALUES ('es/internas/reembolsos#1.0', 'es/internas/reembolsos', 1, 18, 23, 80, '6a93df36045e940e9e793e1315fa3e5a0594d5d4bf1108821b0aeeac00d3fee8');
INSERT INTO public.chunks VALUES ('es/internas/reembolsos#2.0', 'es/internas/reembolsos', 2, 27, 28, 35, 'd39953f00ebcca4c704c794537d842c353b83003395c47accba5955a97d6561c');
INSERT INTO public.chunks VALUES ('es/internas/reembolsos#3.0', 'es/internas/reembolsos', 3, 32, 33, 44, '45d718303496c3313b1864ef389418999dd2d821b83ba64b088357c4a1ab8fbd');
INSERT INTO public.chunks VALUES ('es/pagos/cobros-con-tarjeta#0.0', 'es/pagos/cobros-con-tarjeta', 0, 13, 14, 37, '317c9a9b154c6743da0b392a7bfbc4c381da7f6d44c1cbea26a876db7950f132');
INSERT INTO public.chunks VALUES ('es/pagos/cobros-con-tarjeta#1.0', 'es/pagos/cobros-con-tarjeta', 1, 18, 20, 65, '58915d0c3555045c9eb1148ecda4878707a0420f1a3fb11c28574aefd68bdc5f');
INSERT INTO public.chunks VALUES ('es/pagos/cobros-con-tarjeta#2.0', 'es/pagos/cobros-con-tarjeta', 2, 24, 25, 33, 'cf56a9df46869cd7915ad10486a0a9f316ea3f42d8b0d919abdeeb4293fb7142');
INSERT INTO public.chunks VALUES ('es/pagos/cobros-con-tarjeta#3.0', 'es/pagos/cobros-con-tarjeta', 3, 29, 31, 54, '6cff22412470d8e5f36fb9c3f61e8f1b0eb83721f17440cca1d188d23ba1148e');
INSERT INTO public.chunks VALUES ('es/pagos/conciliacion-bancaria#0.0', 'es/pagos/conciliacion-bancaria', 0, 12, 13, 25, 'fa022a39da764b94dc20091be5025c7cf23d23ac37d3dda2908ad946177fb317');
INSERT INTO public.chunks VALUES ('es/pagos/conciliacion-bancaria#1.0', 'es/pagos/conciliacion-bancaria', 1, 17, 18, 46, '45bafd7ffd3a9ed65278a39487297d7c082e577d18adb06a8142458c8c786b4b');
INSERT INTO public.chunks VALUES ('es/pagos/conciliacion-bancaria#2.0', 'es/pagos/conciliacion-bancaria', 2, 22, 23, 40, 'e8e8dec9f99d832fe3235104788b4ce3fa52ff215558305ee9bd3ca8d7ceaecb');
INSERT INTO public.chunks VALUES ('es/pagos/conciliacion-bancaria#3.0', 'es/pagos/conciliacion-bancaria', 3, 27, 28, 47, '5b081e3b296501a741aa585bd51bc111e7ecfad8fe997899b8076a0decb6f968');
INSERT INTO public.chunks VALUES ('es/pagos/recordatorios-de-pago#0.0', 'es/pagos/recordatorios-de-pago', 0, 12, 12, 19, '744a1b0176fe257262b69e533f4d64320bf0eff265ea5cbe0e7cd40d168743ac');
INSERT INTO public.chunks VALUES ('es/pagos/recordatorios-de-pago#1.0', 'es/pagos/recordatorios-de-pago', 1, 16, 23, 89, '0832b1bd1acbd7c84a095eaa1da8bd5857d7822de99822bdd4510da9d2a47e0e');
INSERT INTO public.chunks VALUES ('es/pagos/recordatorios-de-pago#2.0', 'es/pagos/recordatorios-de-pago', 2, 27, 27, 23, '2572f447b6bbcebba2cce349ac1b6d1ddac551fc809feb8034bc14ff2d22e642');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/configurar-empresa#0.0', 'es/primeros-pasos/configurar-empresa', 0, 12, 14, 51, '2c8e64293ad22cf87152cb6ba4c31bb8cd2b43c21cad19a4b8aaf628788be51d');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/configurar-empresa#1.0', 'es/primeros-pasos/configurar-empresa', 1, 18, 21, 69, '6f2dd7b40d7335d124ae228a9bd8ea850ad944a33e032f7c609440d5faa9c47c');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/configurar-empresa#2.0', 'es/primeros-pasos/configurar-empresa', 2, 25, 26, 48, '75617c39cdb1c5a41f236e2c521fe156e81d348f0b19a3f378f50e712b362fed');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/configurar-empresa#3.0', 'es/primeros-pasos/configurar-empresa', 3, 30, 31, 42, 'afebce3feecab40d59a751e3fbdcea5aaee092397cf514d8b49f8193cc948ab1');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/configurar-empresa#4.0', 'es/primeros-pasos/configurar-empresa', 4, 35, 36, 33, 'e19705364f4b168182c025175598e5db02ca28a9da1bedacc0802b640274f381');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/crear-cuenta#0.0', 'es/primeros-pasos/crear-cuenta', 0, 13, 14, 33, '28830ffae2187bfd7d102739bd960914c3b2f6f87d7a87a9965b7b5e2f8833a9');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/crear-cuenta#1.0', 'es/primeros-pasos/crear-cuenta', 1, 18, 22, 79, '116e7f45bc0771b4338dd67cc7ab2232195c9378f1d726897c71512a5ea31f4c');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/crear-cuenta#2.0', 'es/primeros-pasos/crear-cuenta', 2, 26, 30, 70, '1a6ed6ed8afc60bf3d9477caa47d0fc22c5d50beb85dbf763a110a50b1d82733');
INSERT INTO public.chunks VALUES ('es/primeros-pasos/crear-cuenta#3.0', 'es/primeros-pasos/crear-cuenta', 3, 34, 35, 28, '00660ec5196b090cd7c2b1a411b3382101cfbd9bf93f0e0ec0a971e148e31cd5');
INSERT INTO public.chunks VALUES ('es/problemas/correo-factura-no-llega#1.0', 'es/problemas/correo-factura-no-llega', 1, 15, 22, 106, '77ecb1be28fb13deaca127ac63f5eca46930c899f500479aa49fdde5f1a1f37c');
INSERT INTO public.chunks VALUES ('es/problemas/correo-factura-no-llega#2.0', 'es/problemas/correo-factura-no-llega', 2, 26, 28, 62, '0b21d3655cc22f474d48f0025e4a15f5f607f1c14027d3b485d6165720474796');
INSERT INTO public.chunks VALUES ('es/problemas/correo-factura-no-llega#3.0', 'es/problemas/correo-factura-no-llega', 3, 32, 32, 26, 'e2173ea4ae8583078f815f464ce7af40ab799c5c00e1ee68be3f7725729e3eed');
INSERT INTO public.chunks VALUES ('es/suscripcion/cambiar-plan#0.0', 'es/suscripcion/cambiar-plan', 0, 13, 13, 13, '865c6c36c5e1c364a225e4f64f104608c13cfe179c71b9df794a7635b9bb6574');
INSERT INTO public.chunks VALUES ('es/suscripcion/cambiar-plan#1.0', 'es/suscripcion/cambiar-plan', 1, 17, 18, 38, '57f0ddcf95637eda81ae384ca9617241cfc1abce73d85d6e9975bf76ec65e5ff');
INSERT INTO public.chunks VALUES ('es/suscripcion/cambiar-plan#2.0', 'es/suscripcion/cambiar-plan', 2, 22, 23, 40, 'f428938b144238d38d03ba6c29cad2978a36d86879614f48d055f8768300b17b');
INSERT INTO public.chunks VALUES ('es/suscripcion/cambiar-plan#3.0', 'es/suscripcion/cambiar-plan', 3, 27, 28, 43, '9aeb4d0251b4ba123b78a105bb8ec037f874ee15ffe8c050177303c9938d14f8');
INSERT INTO public.chunks VALUES ('es/suscripcion/cambiar-plan#4.0', 'es/suscripcion/cambiar-plan', 4, 32, 33, 46, '50563cd236d0ebd2998c0667135e035c93e1e3b8e36e68ce1361280cde3344b3');
INSERT INTO public.chunks VALUES ('es/suscripcion/descargar-facturas-de-facturo#0.0', 'es/suscripcion/descargar-facturas-de-facturo', 0, 12, 13, 35, 'ede1b059fea046ea66fa648a0fe1027aa8c86f126e8c833fb94f2704c4caa258');
INSERT INTO public.chunks VALUES ('es/suscripcion/descargar-facturas-de-facturo#1.0', 'es/suscripcion/descargar-facturas-de-facturo', 1, 17, 19, 68, '0775745f1ce884f01e39c6dab8c757ed7c473948d4741d4765e42a285edce3b6');


--
-- Data for Name: content_gaps; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.content_gaps VALUES (1, '2026-12-06 21:48:18.996477+00', 'ticket', 'sug_DNgGt8vCCu1Rt5fO_bU30Q', 'zzzz qqqq

zzzz qqqq', NULL, 0);


--
-- Data for Name: review_actions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.review_actions VALUES (1, 'es/cuenta/restablecer-contrasena', 'snooze', 'ana@example.com', '2026-12-06 21:48:19.003645+00', '2027-01-05', 'ok');


--
-- Data for Name: search_clicks; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: search_queries; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sections; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sections VALUES ('en/account/data-export-gdpr', 0, 0, 'Export your data', '[]', 'export-your-data', 1, 20);
INSERT INTO public.sections VALUES ('en/account/reset-password', 0, 0, 'Reset your password', '[]', 'reset-your-password', 1, 15);
INSERT INTO public.sections VALUES ('en/account/reset-password', 1, 2, 'Request a reset link', '["Request a reset link"]', 'request-a-reset-link', 16, 23);
INSERT INTO public.sections VALUES ('en/account/reset-password', 2, 2, 'The email does not arrive', '["The email does not arrive"]', 'the-email-does-not-arrive', 24, 32);
INSERT INTO public.sections VALUES ('en/account/reset-password', 3, 2, 'The account is locked', '["The account is locked"]', 'the-account-is-locked', 33, 39);
INSERT INTO public.sections VALUES ('en/account/single-sign-on', 0, 0, 'Single sign-on with Google Workspace or Microsoft Entra ID', '[]', 'single-sign-on-with-google-workspace-or-microsoft-entra-id', 1, 14);
INSERT INTO public.sections VALUES ('en/account/single-sign-on', 1, 2, 'Set it up', '["Set it up"]', 'set-it-up', 15, 22);
INSERT INTO public.sections VALUES ('en/account/single-sign-on', 2, 2, 'What changes for users', '["What changes for users"]', 'what-changes-for-users', 23, 27);
INSERT INTO public.sections VALUES ('en/account/single-sign-on', 3, 2, 'Someone cannot sign in', '["Someone cannot sign in"]', 'someone-cannot-sign-in', 28, 32);
INSERT INTO public.sections VALUES ('en/account/two-step-verification', 0, 0, 'Turn on two-step verification', '[]', 'turn-on-two-step-verification', 1, 16);
INSERT INTO public.sections VALUES ('en/account/two-step-verification', 1, 2, 'Turn it on', '["Turn it on"]', 'turn-it-on', 17, 23);
INSERT INTO public.sections VALUES ('en/account/two-step-verification', 2, 2, 'You lost your phone', '["You lost your phone"]', 'you-lost-your-phone', 24, 32);
INSERT INTO public.sections VALUES ('en/billing/change-plan', 0, 0, 'Change your plan or payment method', '[]', 'change-your-plan-or-payment-method', 1, 15);
INSERT INTO public.sections VALUES ('en/billing/change-plan', 1, 2, 'Upgrade', '["Upgrade"]', 'upgrade', 16, 20);
INSERT INTO public.sections VALUES ('en/billing/change-plan', 2, 2, 'Downgrade', '["Downgrade"]', 'downgrade', 21, 25);
INSERT INTO public.sections VALUES ('en/billing/change-plan', 3, 2, 'Change the card', '["Change the card"]', 'change-the-card', 26, 30);
INSERT INTO public.sections VALUES ('en/billing/change-plan', 4, 2, 'Payment declined', '["Payment declined"]', 'payment-declined', 31, 35);
INSERT INTO public.sections VALUES ('en/expenses/scan-receipts', 0, 0, 'Scan expense receipts with the mobile app', '[]', 'scan-expense-receipts-with-the-mobile-app', 1, 13);
INSERT INTO public.sections VALUES ('en/expenses/scan-receipts', 1, 2, 'Scan a receipt', '["Scan a receipt"]', 'scan-a-receipt', 14, 20);
INSERT INTO public.sections VALUES ('en/expenses/scan-receipts', 2, 2, 'The app reads it wrong', '["The app reads it wrong"]', 'the-app-reads-it-wrong', 21, 27);
INSERT INTO public.sections VALUES ('en/expenses/scan-receipts', 3, 2, 'Forward supplier invoices by email', '["Forward supplier invoices by email"]', 'forward-supplier-invoices-by-email', 28, 32);
INSERT INTO public.sections VALUES ('en/getting-started/company-settings', 0, 0, 'Set up your business details', '[]', 'set-up-your-business-details', 1, 16);
INSERT INTO public.sections VALUES ('en/getting-started/company-settings', 1, 2, 'Required details', '["Required details"]', 'required-details', 17, 23);
INSERT INTO public.sections VALUES ('en/getting-started/company-settings', 2, 2, 'Logo and colours', '["Logo and colours"]', 'logo-and-colours', 24, 28);
INSERT INTO public.sections VALUES ('en/getting-started/company-settings', 3, 2, 'Bank account for payments', '["Bank account for payments"]', 'bank-account-for-payments', 29, 33);
INSERT INTO public.sections VALUES ('en/getting-started/company-settings', 4, 2, 'Changing details later', '["Changing details later"]', 'changing-details-later', 34, 38);
INSERT INTO public.sections VALUES ('en/getting-started/create-account', 0, 0, 'Create a Facturo account', '[]', 'create-a-facturo-account', 1, 16);
INSERT INTO public.sections VALUES ('en/getting-started/create-account', 1, 2, 'Sign up', '["Sign up"]', 'sign-up', 17, 24);
INSERT INTO public.sections VALUES ('en/getting-started/create-account', 2, 2, 'Confirm your email', '["Confirm your email"]', 'confirm-your-email', 25, 32);
INSERT INTO public.sections VALUES ('en/getting-started/create-account', 3, 2, 'After signing up', '["After signing up"]', 'after-signing-up', 33, 37);
INSERT INTO public.sections VALUES ('en/integrations/api-keys', 0, 0, 'Create API keys', '[]', 'create-api-keys', 1, 15);
INSERT INTO public.sections VALUES ('en/integrations/api-keys', 1, 2, 'Create a key', '["Create a key"]', 'create-a-key', 16, 22);
INSERT INTO public.sections VALUES ('en/integrations/api-keys', 2, 2, 'Use the key', '["Use the key"]', 'use-the-key', 23, 27);
INSERT INTO public.sections VALUES ('en/integrations/api-keys', 3, 2, 'Revoke a key', '["Revoke a key"]', 'revoke-a-key', 28, 31);
INSERT INTO public.sections VALUES ('en/integrations/zapier', 0, 0, 'Connect Facturo to Zapier', '[]', 'connect-facturo-to-zapier', 1, 18);
INSERT INTO public.sections VALUES ('en/integrations/zapier', 1, 2, 'Connect your account', '["Connect your account"]', 'connect-your-account', 19, 27);
INSERT INTO public.sections VALUES ('en/internal/known-issues', 0, 0, 'Known issues board', '[]', 'known-issues-board', 1, 16);
INSERT INTO public.sections VALUES ('en/internal/known-issues', 1, 2, 'Linking tickets', '["Linking tickets"]', 'linking-tickets', 17, 21);
INSERT INTO public.sections VALUES ('en/internal/known-issues', 2, 2, 'When to update the status page', '["When to update the status page"]', 'when-to-update-the-status-page', 22, 26);
INSERT INTO public.sections VALUES ('en/internal/support-macros', 0, 0, 'Support macros and tone guide', '[]', 'support-macros-and-tone-guide', 1, 15);
INSERT INTO public.sections VALUES ('en/internal/support-macros', 1, 2, 'Tone', '["Tone"]', 'tone', 16, 22);
INSERT INTO public.sections VALUES ('en/internal/support-macros', 2, 2, 'Macros for common tickets', '["Macros for common tickets"]', 'macros-for-common-tickets', 23, 31);
INSERT INTO public.sections VALUES ('en/internal/support-macros', 3, 2, 'Closing a ticket', '["Closing a ticket"]', 'closing-a-ticket', 32, 36);
INSERT INTO public.sections VALUES ('en/invoicing/create-invoice', 0, 0, 'Create and send an invoice', '[]', 'create-and-send-an-invoice', 1, 13);
INSERT INTO public.sections VALUES ('en/invoicing/create-invoice', 1, 2, 'Create the invoice', '["Create the invoice"]', 'create-the-invoice', 14, 26);
INSERT INTO public.sections VALUES ('en/invoicing/create-invoice', 2, 2, 'Email it', '["Email it"]', 'email-it', 27, 31);
INSERT INTO public.sections VALUES ('en/invoicing/create-invoice', 3, 2, 'See whether the customer opened it', '["See whether the customer opened it"]', 'see-whether-the-customer-opened-it', 32, 37);
INSERT INTO public.sections VALUES ('en/invoicing/multi-currency', 0, 0, 'Invoice in other currencies', '[]', 'invoice-in-other-currencies', 1, 15);
INSERT INTO public.sections VALUES ('en/invoicing/multi-currency', 1, 2, 'Exchange rate', '["Exchange rate"]', 'exchange-rate', 16, 21);
INSERT INTO public.sections VALUES ('en/invoicing/multi-currency', 2, 2, 'Payments in another currency', '["Payments in another currency"]', 'payments-in-another-currency', 22, 26);
INSERT INTO public.sections VALUES ('en/invoicing/recurring-invoices', 0, 0, 'Recurring invoices', '[]', 'recurring-invoices', 1, 15);
INSERT INTO public.sections VALUES ('en/invoicing/recurring-invoices', 1, 2, 'Schedule a recurring invoice', '["Schedule a recurring invoice"]', 'schedule-a-recurring-invoice', 16, 23);
INSERT INTO public.sections VALUES ('en/invoicing/recurring-invoices', 2, 2, 'When it is issued', '["When it is issued"]', 'when-it-is-issued', 24, 28);
INSERT INTO public.sections VALUES ('en/invoicing/recurring-invoices', 3, 2, 'Changing the amount', '["Changing the amount"]', 'changing-the-amount', 29, 32);
INSERT INTO public.sections VALUES ('en/mobile/sync-troubleshooting', 0, 0, 'The mobile app does not sync', '[]', 'the-mobile-app-does-not-sync', 1, 16);
INSERT INTO public.sections VALUES ('en/mobile/sync-troubleshooting', 1, 2, '1. Check the version', '["1. Check the version"]', '1-check-the-version', 17, 20);
INSERT INTO public.sections VALUES ('en/mobile/sync-troubleshooting', 2, 2, '2. Check the active business', '["2. Check the active business"]', '2-check-the-active-business', 21, 25);
INSERT INTO public.sections VALUES ('en/mobile/sync-troubleshooting', 3, 2, '3. Sign out and in again', '["3. Sign out and in again"]', '3-sign-out-and-in-again', 26, 30);
INSERT INTO public.sections VALUES ('en/mobile/sync-troubleshooting', 4, 2, '4. Android battery saving', '["4. Android battery saving"]', '4-android-battery-saving', 31, 34);
INSERT INTO public.sections VALUES ('en/payments/card-payments', 0, 0, 'Accept card payments', '[]', 'accept-card-payments', 1, 16);
INSERT INTO public.sections VALUES ('en/payments/card-payments', 1, 2, 'Connect Stripe', '["Connect Stripe"]', 'connect-stripe', 17, 22);
INSERT INTO public.sections VALUES ('en/payments/card-payments', 2, 2, 'Fees', '["Fees"]', 'fees', 23, 27);
INSERT INTO public.sections VALUES ('en/payments/card-payments', 3, 2, 'The customer does not see the pay button', '["The customer does not see the pay button"]', 'the-customer-does-not-see-the-pay-button', 28, 33);
INSERT INTO public.sections VALUES ('en/troubleshooting/invoice-email-not-delivered', 0, 0, 'The customer does not receive the invoice email', '[]', 'the-customer-does-not-receive-the-invoice-email', 1, 13);
INSERT INTO public.sections VALUES ('en/troubleshooting/invoice-email-not-delivered', 1, 2, 'Check the delivery status', '["Check the delivery status"]', 'check-the-delivery-status', 14, 24);
INSERT INTO public.sections VALUES ('en/troubleshooting/invoice-email-not-delivered', 2, 2, 'Send from your own domain', '["Send from your own domain"]', 'send-from-your-own-domain', 25, 30);
INSERT INTO public.sections VALUES ('en/troubleshooting/invoice-email-not-delivered', 3, 2, 'Other ways to send it', '["Other ways to send it"]', 'other-ways-to-send-it', 31, 34);
INSERT INTO public.sections VALUES ('es/app-movil/modo-sin-conexion', 0, 0, 'Modo sin conexión de la app (versión 4)', '[]', 'modo-sin-conexión-de-la-app-versión-4', 1, 16);
INSERT INTO public.sections VALUES ('es/app-movil/sincronizacion', 0, 0, 'La app móvil no sincroniza', '[]', 'la-app-móvil-no-sincroniza', 1, 15);
INSERT INTO public.sections VALUES ('es/app-movil/sincronizacion', 1, 2, '1. Comprueba la versión', '["1. Comprueba la versi\u00f3n"]', '1-comprueba-la-versión', 16, 20);
INSERT INTO public.sections VALUES ('es/app-movil/sincronizacion', 2, 2, '2. Comprueba la empresa activa', '["2. Comprueba la empresa activa"]', '2-comprueba-la-empresa-activa', 21, 25);
INSERT INTO public.sections VALUES ('es/app-movil/sincronizacion', 3, 2, '3. Cierra sesión y vuelve a entrar', '["3. Cierra sesi\u00f3n y vuelve a entrar"]', '3-cierra-sesión-y-vuelve-a-entrar', 26, 30);
INSERT INTO public.sections VALUES ('es/app-movil/sincronizacion', 4, 2, '4. Android: ahorro de batería', '["4. Android: ahorro de bater\u00eda"]', '4-android-ahorro-de-batería', 31, 35);
INSERT INTO public.sections VALUES ('es/cuenta/cerrar-cuenta', 0, 0, 'Cerrar tu cuenta y exportar tus datos', '[]', 'cerrar-tu-cuenta-y-exportar-tus-datos', 1, 14);
INSERT INTO public.sections VALUES ('es/cuenta/cerrar-cuenta', 1, 2, 'Exporta primero', '["Exporta primero"]', 'exporta-primero', 15, 20);
INSERT INTO public.sections VALUES ('es/cuenta/cerrar-cuenta', 2, 2, 'Cerrar la cuenta', '["Cerrar la cuenta"]', 'cerrar-la-cuenta', 21, 29);
INSERT INTO public.sections VALUES ('es/cuenta/invitar-usuarios-y-roles', 0, 0, 'Invitar usuarios y asignar roles', '[]', 'invitar-usuarios-y-asignar-roles', 1, 14);
INSERT INTO public.sections VALUES ('es/cuenta/invitar-usuarios-y-roles', 1, 2, 'Roles disponibles', '["Roles disponibles"]', 'roles-disponibles', 15, 23);
INSERT INTO public.sections VALUES ('es/cuenta/invitar-usuarios-y-roles', 2, 2, 'La invitación no llega', '["La invitaci\u00f3n no llega"]', 'la-invitación-no-llega', 24, 28);
INSERT INTO public.sections VALUES ('es/cuenta/invitar-usuarios-y-roles', 3, 2, 'Quitar el acceso a alguien', '["Quitar el acceso a alguien"]', 'quitar-el-acceso-a-alguien', 29, 33);
INSERT INTO public.sections VALUES ('es/cuenta/restablecer-contrasena', 0, 0, 'Restablecer la contraseña', '[]', 'restablecer-la-contraseña', 1, 14);
INSERT INTO public.sections VALUES ('es/cuenta/restablecer-contrasena', 1, 2, 'Pedir el enlace de restablecimiento', '["Pedir el enlace de restablecimiento"]', 'pedir-el-enlace-de-restablecimiento', 15, 22);
INSERT INTO public.sections VALUES ('es/cuenta/restablecer-contrasena', 2, 2, 'No recibes el correo', '["No recibes el correo"]', 'no-recibes-el-correo', 23, 31);
INSERT INTO public.sections VALUES ('es/cuenta/restablecer-contrasena', 3, 2, 'La cuenta está bloqueada', '["La cuenta est\u00e1 bloqueada"]', 'la-cuenta-está-bloqueada', 32, 39);
INSERT INTO public.sections VALUES ('es/cuenta/verificacion-en-dos-pasos', 0, 0, 'Activar la verificación en dos pasos', '[]', 'activar-la-verificación-en-dos-pasos', 1, 15);
INSERT INTO public.sections VALUES ('es/cuenta/verificacion-en-dos-pasos', 1, 2, 'Activarla', '["Activarla"]', 'activarla', 16, 22);
INSERT INTO public.sections VALUES ('es/cuenta/verificacion-en-dos-pasos', 2, 2, 'Perdiste el móvil', '["Perdiste el m\u00f3vil"]', 'perdiste-el-móvil', 23, 31);
INSERT INTO public.sections VALUES ('es/cuenta/verificacion-en-dos-pasos', 3, 2, 'Obligatoria para toda la empresa', '["Obligatoria para toda la empresa"]', 'obligatoria-para-toda-la-empresa', 32, 36);
INSERT INTO public.sections VALUES ('es/facturacion/crear-factura', 0, 0, 'Crear y enviar una factura', '[]', 'crear-y-enviar-una-factura', 1, 12);
INSERT INTO public.sections VALUES ('es/facturacion/crear-factura', 1, 2, 'Crear la factura', '["Crear la factura"]', 'crear-la-factura', 13, 25);
INSERT INTO public.sections VALUES ('es/facturacion/crear-factura', 2, 2, 'Enviarla por correo', '["Enviarla por correo"]', 'enviarla-por-correo', 26, 30);
INSERT INTO public.sections VALUES ('es/facturacion/crear-factura', 3, 2, 'Saber si el cliente la abrió', '["Saber si el cliente la abri\u00f3"]', 'saber-si-el-cliente-la-abrió', 31, 36);
INSERT INTO public.sections VALUES ('es/facturacion/factura-electronica-mexico-cfdi', 0, 0, 'Timbrar facturas CFDI 4.0 en México', '[]', 'timbrar-facturas-cfdi-40-en-méxico', 1, 15);
INSERT INTO public.sections VALUES ('es/facturacion/factura-electronica-mexico-cfdi', 1, 2, 'Subir tu certificado de sello digital (CSD)', '["Subir tu certificado de sello digital (CSD)"]', 'subir-tu-certificado-de-sello-digital-csd', 16, 23);
INSERT INTO public.sections VALUES ('es/facturacion/factura-electronica-mexico-cfdi', 2, 2, 'Datos del receptor', '["Datos del receptor"]', 'datos-del-receptor', 24, 29);
INSERT INTO public.sections VALUES ('es/facturacion/factura-electronica-mexico-cfdi', 3, 2, 'Cancelar un CFDI', '["Cancelar un CFDI"]', 'cancelar-un-cfdi', 30, 34);
INSERT INTO public.sections VALUES ('es/facturacion/factura-rectificativa', 0, 0, 'Emitir una factura rectificativa', '[]', 'emitir-una-factura-rectificativa', 1, 15);
INSERT INTO public.sections VALUES ('es/facturacion/factura-rectificativa', 1, 2, 'Cuándo usarla', '["Cu\u00e1ndo usarla"]', 'cuándo-usarla', 16, 21);
INSERT INTO public.sections VALUES ('es/facturacion/factura-rectificativa', 2, 2, 'Cómo emitirla', '["C\u00f3mo emitirla"]', 'cómo-emitirla', 22, 29);
INSERT INTO public.sections VALUES ('es/facturacion/factura-rectificativa', 3, 2, 'Anular una factura', '["Anular una factura"]', 'anular-una-factura', 30, 34);
INSERT INTO public.sections VALUES ('es/facturacion/facturas-recurrentes', 0, 0, 'Facturas recurrentes', '[]', 'facturas-recurrentes', 1, 14);
INSERT INTO public.sections VALUES ('es/facturacion/facturas-recurrentes', 1, 2, 'Programar una factura recurrente', '["Programar una factura recurrente"]', 'programar-una-factura-recurrente', 15, 22);
INSERT INTO public.sections VALUES ('es/facturacion/facturas-recurrentes', 2, 2, 'Cuándo se emite', '["Cu\u00e1ndo se emite"]', 'cuándo-se-emite', 23, 27);
INSERT INTO public.sections VALUES ('es/facturacion/facturas-recurrentes', 3, 2, 'Cambiar el importe', '["Cambiar el importe"]', 'cambiar-el-importe', 28, 31);
INSERT INTO public.sections VALUES ('es/facturacion/impuestos-iva-irpf', 0, 0, 'Configurar IVA, IRPF y recargo de equivalencia', '[]', 'configurar-iva-irpf-y-recargo-de-equivalencia', 1, 12);
INSERT INTO public.sections VALUES ('es/facturacion/impuestos-iva-irpf', 1, 2, 'Tipos de IVA', '["Tipos de IVA"]', 'tipos-de-iva', 13, 20);
INSERT INTO public.sections VALUES ('es/facturacion/impuestos-iva-irpf', 2, 2, 'Retención de IRPF', '["Retenci\u00f3n de IRPF"]', 'retención-de-irpf', 21, 26);
INSERT INTO public.sections VALUES ('es/facturacion/impuestos-iva-irpf', 3, 2, 'Recargo de equivalencia', '["Recargo de equivalencia"]', 'recargo-de-equivalencia', 27, 31);
INSERT INTO public.sections VALUES ('es/facturacion/plantillas-personalizar', 0, 0, 'Personalizar la plantilla de factura', '[]', 'personalizar-la-plantilla-de-factura', 1, 22);
INSERT INTO public.sections VALUES ('es/facturacion/series-numeracion', 0, 0, 'Series y numeración de facturas', '[]', 'series-y-numeración-de-facturas', 1, 15);
INSERT INTO public.sections VALUES ('es/facturacion/series-numeracion', 1, 2, 'Crear una serie', '["Crear una serie"]', 'crear-una-serie', 16, 23);
INSERT INTO public.sections VALUES ('es/facturacion/series-numeracion', 2, 2, 'Por qué no puedo cambiar el número', '["Por qu\u00e9 no puedo cambiar el n\u00famero"]', 'por-qué-no-puedo-cambiar-el-número', 24, 29);
INSERT INTO public.sections VALUES ('es/facturacion/verifactu', 0, 0, 'VeriFactu y la factura electrónica en España', '[]', 'verifactu-y-la-factura-electrónica-en-españa', 1, 15);
INSERT INTO public.sections VALUES ('es/facturacion/verifactu', 1, 2, 'Qué hace Facturo por ti', '["Qu\u00e9 hace Facturo por ti"]', 'qué-hace-facturo-por-ti', 16, 23);
INSERT INTO public.sections VALUES ('es/facturacion/verifactu', 2, 2, 'Activar el envío a la AEAT', '["Activar el env\u00edo a la AEAT"]', 'activar-el-envío-a-la-aeat', 24, 28);
INSERT INTO public.sections VALUES ('es/facturacion/verifactu', 3, 2, 'Errores frecuentes', '["Errores frecuentes"]', 'errores-frecuentes', 29, 35);
INSERT INTO public.sections VALUES ('es/gastos/escanear-tickets', 0, 0, 'Escanear tickets de gasto con la app móvil', '[]', 'escanear-tickets-de-gasto-con-la-app-móvil', 1, 12);
INSERT INTO public.sections VALUES ('es/gastos/escanear-tickets', 1, 2, 'Escanear un ticket', '["Escanear un ticket"]', 'escanear-un-ticket', 13, 19);
INSERT INTO public.sections VALUES ('es/gastos/escanear-tickets', 2, 2, 'La lectura sale mal', '["La lectura sale mal"]', 'la-lectura-sale-mal', 20, 26);
INSERT INTO public.sections VALUES ('es/gastos/escanear-tickets', 3, 2, 'Reenviar facturas de proveedores por correo', '["Reenviar facturas de proveedores por correo"]', 'reenviar-facturas-de-proveedores-por-correo', 27, 31);
INSERT INTO public.sections VALUES ('es/integraciones/api-claves', 0, 0, 'Crear claves de la API', '[]', 'crear-claves-de-la-api', 1, 14);
INSERT INTO public.sections VALUES ('es/integraciones/api-claves', 1, 2, 'Crear una clave', '["Crear una clave"]', 'crear-una-clave', 15, 21);
INSERT INTO public.sections VALUES ('es/integraciones/api-claves', 2, 2, 'Usar la clave', '["Usar la clave"]', 'usar-la-clave', 22, 26);
INSERT INTO public.sections VALUES ('es/integraciones/api-claves', 3, 2, 'Revocar una clave', '["Revocar una clave"]', 'revocar-una-clave', 27, 30);
INSERT INTO public.sections VALUES ('es/integraciones/exportar-a-contabilidad', 0, 0, 'Exportar a tu programa de contabilidad', '[]', 'exportar-a-tu-programa-de-contabilidad', 1, 17);
INSERT INTO public.sections VALUES ('es/integraciones/exportar-a-contabilidad', 1, 2, 'Cuentas contables', '["Cuentas contables"]', 'cuentas-contables', 18, 22);
INSERT INTO public.sections VALUES ('es/integraciones/exportar-a-contabilidad', 2, 2, 'Dar acceso a tu gestoría', '["Dar acceso a tu gestor\u00eda"]', 'dar-acceso-a-tu-gestoría', 23, 27);
INSERT INTO public.sections VALUES ('es/internas/desbloqueo-cuenta-fraude', 0, 0, 'Cuentas bloqueadas por sospecha de fraude', '[]', 'cuentas-bloqueadas-por-sospecha-de-fraude', 1, 16);
INSERT INTO public.sections VALUES ('es/internas/desbloqueo-cuenta-fraude', 1, 2, 'Qué ve el cliente', '["Qu\u00e9 ve el cliente"]', 'qué-ve-el-cliente', 17, 20);
INSERT INTO public.sections VALUES ('es/internas/desbloqueo-cuenta-fraude', 2, 2, 'Verificar al cliente', '["Verificar al cliente"]', 'verificar-al-cliente', 21, 26);
INSERT INTO public.sections VALUES ('es/internas/desbloqueo-cuenta-fraude', 3, 2, 'Desbloquear', '["Desbloquear"]', 'desbloquear', 27, 32);
INSERT INTO public.sections VALUES ('es/internas/escalado-incidencias', 0, 0, 'Procedimiento de escalado a segundo nivel', '[]', 'procedimiento-de-escalado-a-segundo-nivel', 1, 15);
INSERT INTO public.sections VALUES ('es/internas/escalado-incidencias', 1, 2, 'Cuándo escalar', '["Cu\u00e1ndo escalar"]', 'cuándo-escalar', 16, 22);
INSERT INTO public.sections VALUES ('es/internas/escalado-incidencias', 2, 2, 'Qué adjuntar', '["Qu\u00e9 adjuntar"]', 'qué-adjuntar', 23, 29);
INSERT INTO public.sections VALUES ('es/internas/escalado-incidencias', 3, 2, 'Cómo escalar', '["C\u00f3mo escalar"]', 'cómo-escalar', 30, 34);
INSERT INTO public.sections VALUES ('es/internas/reembolsos', 0, 0, 'Política de reembolsos y cómo tramitarlos', '[]', 'política-de-reembolsos-y-cómo-tramitarlos', 1, 15);
INSERT INTO public.sections VALUES ('es/internas/reembolsos', 1, 2, 'Qué reembolsamos', '["Qu\u00e9 reembolsamos"]', 'qué-reembolsamos', 16, 24);
INSERT INTO public.sections VALUES ('es/internas/reembolsos', 2, 2, 'Límites de aprobación', '["L\u00edmites de aprobaci\u00f3n"]', 'límites-de-aprobación', 25, 29);
INSERT INTO public.sections VALUES ('es/internas/reembolsos', 3, 2, 'Tramitarlo', '["Tramitarlo"]', 'tramitarlo', 30, 34);
INSERT INTO public.sections VALUES ('es/pagos/cobros-con-tarjeta', 0, 0, 'Cobrar facturas con tarjeta', '[]', 'cobrar-facturas-con-tarjeta', 1, 15);
INSERT INTO public.sections VALUES ('es/pagos/cobros-con-tarjeta', 1, 2, 'Conectar Stripe', '["Conectar Stripe"]', 'conectar-stripe', 16, 21);
INSERT INTO public.sections VALUES ('es/pagos/cobros-con-tarjeta', 2, 2, 'Comisiones', '["Comisiones"]', 'comisiones', 22, 26);
INSERT INTO public.sections VALUES ('es/pagos/cobros-con-tarjeta', 3, 2, 'El cliente no ve el botón de pago', '["El cliente no ve el bot\u00f3n de pago"]', 'el-cliente-no-ve-el-botón-de-pago', 27, 32);
INSERT INTO public.sections VALUES ('es/pagos/conciliacion-bancaria', 0, 0, 'Conciliación bancaria', '[]', 'conciliación-bancaria', 1, 14);
INSERT INTO public.sections VALUES ('es/pagos/conciliacion-bancaria', 1, 2, 'Conectar tu banco', '["Conectar tu banco"]', 'conectar-tu-banco', 15, 19);
INSERT INTO public.sections VALUES ('es/pagos/conciliacion-bancaria', 2, 2, 'Conciliar', '["Conciliar"]', 'conciliar', 20, 24);
INSERT INTO public.sections VALUES ('es/pagos/conciliacion-bancaria', 3, 2, 'Mi banco dejó de sincronizar', '["Mi banco dej\u00f3 de sincronizar"]', 'mi-banco-dejó-de-sincronizar', 25, 29);
INSERT INTO public.sections VALUES ('es/pagos/recordatorios-de-pago', 0, 0, 'Recordatorios automáticos de pago', '[]', 'recordatorios-automáticos-de-pago', 1, 13);
INSERT INTO public.sections VALUES ('es/pagos/recordatorios-de-pago', 1, 2, 'Configurarlos', '["Configurarlos"]', 'configurarlos', 14, 24);
INSERT INTO public.sections VALUES ('es/pagos/recordatorios-de-pago', 2, 2, 'Excluir a un cliente', '["Excluir a un cliente"]', 'excluir-a-un-cliente', 25, 28);
INSERT INTO public.sections VALUES ('es/primeros-pasos/configurar-empresa', 0, 0, 'Configurar los datos fiscales de tu empresa', '[]', 'configurar-los-datos-fiscales-de-tu-empresa', 1, 15);
INSERT INTO public.sections VALUES ('es/primeros-pasos/configurar-empresa', 1, 2, 'Datos obligatorios', '["Datos obligatorios"]', 'datos-obligatorios', 16, 22);
INSERT INTO public.sections VALUES ('es/primeros-pasos/configurar-empresa', 2, 2, 'Logotipo y colores', '["Logotipo y colores"]', 'logotipo-y-colores', 23, 27);
INSERT INTO public.sections VALUES ('es/primeros-pasos/configurar-empresa', 3, 2, 'Cuenta bancaria para cobros', '["Cuenta bancaria para cobros"]', 'cuenta-bancaria-para-cobros', 28, 32);
INSERT INTO public.sections VALUES ('es/primeros-pasos/configurar-empresa', 4, 2, 'Cambiar los datos más adelante', '["Cambiar los datos m\u00e1s adelante"]', 'cambiar-los-datos-más-adelante', 33, 37);
INSERT INTO public.sections VALUES ('es/primeros-pasos/crear-cuenta', 0, 0, 'Crear una cuenta de Facturo', '[]', 'crear-una-cuenta-de-facturo', 1, 15);
INSERT INTO public.sections VALUES ('es/primeros-pasos/crear-cuenta', 1, 2, 'Registrarte', '["Registrarte"]', 'registrarte', 16, 23);
INSERT INTO public.sections VALUES ('es/primeros-pasos/crear-cuenta', 2, 2, 'Confirmar tu correo', '["Confirmar tu correo"]', 'confirmar-tu-correo', 24, 31);
INSERT INTO public.sections VALUES ('es/primeros-pasos/crear-cuenta', 3, 2, 'Después del registro', '["Despu\u00e9s del registro"]', 'después-del-registro', 32, 36);
INSERT INTO public.sections VALUES ('es/problemas/correo-factura-no-llega', 0, 0, 'El cliente no recibe el correo de la factura', '[]', 'el-cliente-no-recibe-el-correo-de-la-factura', 1, 12);
INSERT INTO public.sections VALUES ('es/problemas/correo-factura-no-llega', 1, 2, 'Mira el estado del envío', '["Mira el estado del env\u00edo"]', 'mira-el-estado-del-envío', 13, 23);
INSERT INTO public.sections VALUES ('es/problemas/correo-factura-no-llega', 2, 2, 'Enviar desde tu propio dominio', '["Enviar desde tu propio dominio"]', 'enviar-desde-tu-propio-dominio', 24, 29);
INSERT INTO public.sections VALUES ('es/problemas/correo-factura-no-llega', 3, 2, 'Otras formas de enviarla', '["Otras formas de enviarla"]', 'otras-formas-de-enviarla', 30, 33);
INSERT INTO public.sections VALUES ('es/suscripcion/cambiar-plan', 0, 0, 'Cambiar de plan o de forma de pago', '[]', 'cambiar-de-plan-o-de-forma-de-pago', 1, 14);
INSERT INTO public.sections VALUES ('es/suscripcion/cambiar-plan', 1, 2, 'Subir de plan', '["Subir de plan"]', 'subir-de-plan', 15, 19);
INSERT INTO public.sections VALUES ('es/suscripcion/cambiar-plan', 2, 2, 'Bajar de plan', '["Bajar de plan"]', 'bajar-de-plan', 20, 24);
INSERT INTO public.sections VALUES ('es/suscripcion/cambiar-plan', 3, 2, 'Cambiar la tarjeta', '["Cambiar la tarjeta"]', 'cambiar-la-tarjeta', 25, 29);
INSERT INTO public.sections VALUES ('es/suscripcion/cambiar-plan', 4, 2, 'Pago rechazado', '["Pago rechazado"]', 'pago-rechazado', 30, 34);
INSERT INTO public.sections VALUES ('es/suscripcion/descargar-facturas-de-facturo', 0, 0, 'Descargar las facturas de tu suscripción', '[]', 'descargar-las-facturas-de-tu-suscripción', 1, 14);
INSERT INTO public.sections VALUES ('es/suscripcion/descargar-facturas-de-facturo', 1, 2, 'Cambiar los datos de la factura', '["Cambiar los datos de la factura"]', 'cambiar-los-datos-de-la-factura', 15, 20);


--
-- Data for Name: sign_in_failures; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sign_in_failures VALUES (1, 'ana@example.com', '2026-12-06 21:48:05.457812+00');


--
-- Data for Name: staff_sessions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.staff_sessions VALUES ('47c5f672be27c776199cfe026e2e75b09e03e1c2a1e1868ef7aff67305f06f9e', 1, '2026-12-06 21:48:05.462332+00', '2026-12-07 05:48:05.462332+00', NULL);


--
-- Data for Name: staff_users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.staff_users VALUES (1, 'ana@example.com', 'Ana', 'owner', 'scrypt:32768:8:1$qKRyIkl6S4yKZyV1$c6c1a8d505532c34383fe37a48c97fe99cd9192018c04fd4d28572455259c8e216d09639098e9557786d511026dd0ba8cfe4b938195e03aed023aafacb0fa4ec', NULL, NULL, NULL, '[]', '2026-12-06 21:48:05.453353+00', NULL);


--
-- Data for Name: suggestion_feedback; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.suggestion_feedback VALUES (1, 'sug_BwgetA24AbkbJDZGDJDeKw', 'es/cuenta/restablecer-contrasena', 'resolved', 1, 'agent', '2026-12-06 21:48:18.911692+00');
INSERT INTO public.suggestion_feedback VALUES (2, 'sug_euxhtzYjRnRVl7HY5gmaeQ', 'es/suscripcion/cambiar-plan', 'resolved', 1, 'agent', '2026-12-06 21:48:18.949294+00');


--
-- Data for Name: suggestions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.suggestions VALUES ('sug_BwgetA24AbkbJDZGDJDeKw', '2026-12-06 21:48:18.904111+00', 'api', 'T-1', 'agent', 'es', '[{"id": "es/cuenta/restablecer-contrasena", "confidence": 0.8788}, {"id": "es/cuenta/verificacion-en-dos-pasos", "confidence": 0.0639}]', 0.8788, false, 3384.33);
INSERT INTO public.suggestions VALUES ('sug_euxhtzYjRnRVl7HY5gmaeQ', '2026-12-06 21:48:18.937949+00', 'api', 'T-1', 'agent', 'es', '[{"id": "es/suscripcion/cambiar-plan", "confidence": 0.8177}]', 0.8177, false, 20.29);
INSERT INTO public.suggestions VALUES ('sug_DNgGt8vCCu1Rt5fO_bU30Q', '2026-12-06 21:48:18.995193+00', 'api', 'T-1', 'agent', NULL, '[]', 0, true, 42.16);


--
-- Name: api_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_tokens_id_seq', 2, true);


--
-- Name: article_votes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.article_votes_id_seq', 3, true);


--
-- Name: content_gaps_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.content_gaps_id_seq', 1, true);


--
-- Name: review_actions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.review_actions_id_seq', 1, true);


--
-- Name: search_clicks_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.search_clicks_id_seq', 1, false);


--
-- Name: search_queries_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.search_queries_id_seq', 1, false);


--
-- Name: sign_in_failures_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sign_in_failures_id_seq', 1, true);


--
-- Name: staff_users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.staff_users_id_seq', 1, true);


--
-- Name: suggestion_feedback_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.suggestion_feedback_id_seq', 2, true);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: article_vote_keys article_vote_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_vote_keys
    ADD CONSTRAINT article_vote_keys_pkey PRIMARY KEY (key);


--
-- Name: article_votes article_votes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_votes
    ADD CONSTRAINT article_votes_pkey PRIMARY KEY (id);


--
-- Name: articles articles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (id);


--
-- Name: builds builds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.builds
    ADD CONSTRAINT builds_pkey PRIMARY KEY (id);


--
-- Name: chunks chunks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chunks
    ADD CONSTRAINT chunks_pkey PRIMARY KEY (id);


--
-- Name: content_gaps content_gaps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.content_gaps
    ADD CONSTRAINT content_gaps_pkey PRIMARY KEY (id);


--
-- Name: review_actions review_actions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_actions
    ADD CONSTRAINT review_actions_pkey PRIMARY KEY (id);


--
-- Name: search_clicks search_clicks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_clicks
    ADD CONSTRAINT search_clicks_pkey PRIMARY KEY (id);


--
-- Name: search_queries search_queries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_queries
    ADD CONSTRAINT search_queries_pkey PRIMARY KEY (id);


--
-- Name: sections sections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sections
    ADD CONSTRAINT sections_pkey PRIMARY KEY (article_id, ordinal);


--
-- Name: sign_in_failures sign_in_failures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_failures
    ADD CONSTRAINT sign_in_failures_pkey PRIMARY KEY (id);


--
-- Name: staff_sessions staff_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_sessions
    ADD CONSTRAINT staff_sessions_pkey PRIMARY KEY (id);


--
-- Name: staff_users staff_users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_users
    ADD CONSTRAINT staff_users_pkey PRIMARY KEY (id);


--
-- Name: suggestion_feedback suggestion_feedback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suggestion_feedback
    ADD CONSTRAINT suggestion_feedback_pkey PRIMARY KEY (id);


--
-- Name: suggestions suggestions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suggestions
    ADD CONSTRAINT suggestions_pkey PRIMARY KEY (id);


--
-- Name: ix_api_tokens_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_api_tokens_token_hash ON public.api_tokens USING btree (token_hash);


--
-- Name: ix_article_votes_article_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_article_votes_article_id ON public.article_votes USING btree (article_id);


--
-- Name: ix_article_votes_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_article_votes_at ON public.article_votes USING btree (at);


--
-- Name: ix_articles_locale; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_locale ON public.articles USING btree (locale);


--
-- Name: ix_articles_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_owner ON public.articles USING btree (owner);


--
-- Name: ix_articles_product; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_product ON public.articles USING btree (product);


--
-- Name: ix_chunks_article_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chunks_article_id ON public.chunks USING btree (article_id);


--
-- Name: ix_content_gaps_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_content_gaps_at ON public.content_gaps USING btree (at);


--
-- Name: ix_review_actions_article_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_actions_article_id ON public.review_actions USING btree (article_id);


--
-- Name: ix_search_clicks_article_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_search_clicks_article_id ON public.search_clicks USING btree (article_id);


--
-- Name: ix_search_clicks_search_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_search_clicks_search_id ON public.search_clicks USING btree (search_id);


--
-- Name: ix_search_queries_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_search_queries_at ON public.search_queries USING btree (at);


--
-- Name: ix_sign_in_failures_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_sign_in_failures_at ON public.sign_in_failures USING btree (at);


--
-- Name: ix_sign_in_failures_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_sign_in_failures_email ON public.sign_in_failures USING btree (email);


--
-- Name: ix_staff_sessions_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_staff_sessions_user_id ON public.staff_sessions USING btree (user_id);


--
-- Name: ix_staff_users_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_staff_users_email ON public.staff_users USING btree (email);


--
-- Name: ix_suggestion_feedback_article_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_suggestion_feedback_article_id ON public.suggestion_feedback USING btree (article_id);


--
-- Name: ix_suggestion_feedback_suggestion_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_suggestion_feedback_suggestion_id ON public.suggestion_feedback USING btree (suggestion_id);


--
-- Name: ix_suggestions_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_suggestions_at ON public.suggestions USING btree (at);


--
-- Name: article_vote_keys article_vote_keys_vote_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_vote_keys
    ADD CONSTRAINT article_vote_keys_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES public.article_votes(id) ON DELETE CASCADE;


--
-- Name: article_votes article_votes_search_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_votes
    ADD CONSTRAINT article_votes_search_id_fkey FOREIGN KEY (search_id) REFERENCES public.search_queries(id) ON DELETE SET NULL;


--
-- Name: chunks chunks_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chunks
    ADD CONSTRAINT chunks_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(id) ON DELETE CASCADE;


--
-- Name: content_gaps content_gaps_suggestion_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.content_gaps
    ADD CONSTRAINT content_gaps_suggestion_id_fkey FOREIGN KEY (suggestion_id) REFERENCES public.suggestions(id) ON DELETE SET NULL;


--
-- Name: search_clicks search_clicks_search_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_clicks
    ADD CONSTRAINT search_clicks_search_id_fkey FOREIGN KEY (search_id) REFERENCES public.search_queries(id) ON DELETE CASCADE;


--
-- Name: sections sections_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sections
    ADD CONSTRAINT sections_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(id) ON DELETE CASCADE;


--
-- Name: staff_sessions staff_sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_sessions
    ADD CONSTRAINT staff_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.staff_users(id) ON DELETE CASCADE;


--
-- Name: suggestion_feedback suggestion_feedback_suggestion_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suggestion_feedback
    ADD CONSTRAINT suggestion_feedback_suggestion_id_fkey FOREIGN KEY (suggestion_id) REFERENCES public.suggestions(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


