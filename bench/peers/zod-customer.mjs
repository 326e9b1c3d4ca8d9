// The peers bench/compare.mjs measures customer-schema against: the same
// Customer record written as a Zod 4 schema, in two variants.
//
//   zod-regex  phone_number checked only by the reference implementation's
//              regex /^\+?[1-9]\d{1,14}$/ (after removing spaces, dots, dashes
//              and parentheses, which a user would also do): cheap, but it
//              cannot tell a real number from 15 random digits, reads no
//              national spelling with a trunk prefix (020 …) and normalises
//              nothing.
//   zod-lpn    phone_number checked strictly with libphonenumber-js (max
//              metadata): parsed in the default region (the `defaultRegion`
//              given to the factory, else the record's address.country, else
//              read as international digits as ours does), whole input only
//              (`extract: false`), `isValid()` required, an extension refused,
//              written as E.164; `getType()` is computed for SMS contacts, as
//              ours does for its warning (Zod has no warnings: they are put
//              under the WARNINGS symbol key of the data).
//
// What both check as ours does: every field's type; id non-empty; trim and
// whitespace collapse of names, company and address lines, blank → null or
// absent; control characters refused; timezone any case → canonical spelling;
// email syntax (z.email()) and lower-cased domain; preferred_language ISO 639-1
// (also en-US, en_US, ISO 639-2 codes, retired iw/in/ji); enums any case →
// upper case; defaults (en, EMAIL, false); tags trimmed, non-blank, deduplicated;
// address lines ≥ 2 characters; country as ISO 3166-1 alpha-2, alpha-3 or ISO
// English short name (+ XK) → alpha-2; timestamps safe integers ≥ 0 and
// updatedAt ≥ createdAt; unknown keys stripped.
//
// What they check differently or not at all:
// - time zones: Intl.supportedValuesOf("timeZone") holds the zones ICU calls
//   canonical, which are often the old names: Asia/Calcutta but not
//   Asia/Kolkata, Europe/Kiev but not Europe/Kyiv, and no UTC or US/Eastern;
//   ours accepts every Zone and Link of the IANA database;
// - country names: only the ISO short name and a few common forms (ours also
//   knows official names and more aliases);
// - email: Zod's own pattern, stricter than the HTML syntax ours follows (no
//   `!#$%&*/=?^{|}~` in the local part), no RFC 5321 length limits;
// - "≥ 2 characters" counts UTF-16 units (ours counts code points);
//   whitespace is JavaScript's \s (ours: Unicode White_Space, e.g. U+0085);
// - custom_fields: any plain object (no depth bound, no check of JSON values);
// - no warnings except the SMS line type (ours also warns about seconds-like
//   timestamps and a contact method without its email or phone);
// - issues: Zod's, not ours (paths agree for the fields that fail).
import { z } from "zod";
import parsePhoneNumber from "libphonenumber-js/max";

/** Key of the data where zod-lpn puts its warnings (a symbol: never serialised). */
export const WARNINGS = Symbol("warnings");

// ISO 3166-1 (alpha-2, alpha-3, English short name, "|"-separated) and ISO
// 639-1 codes (each followed by its ISO 639-2 codes), from Debian's
// iso-codes 4.15 JSON, the source tools/iso-tables builds ours from.
const ISO_3166 =
  "AWABWAruba|AFAFGAfghanistan|AOAGOAngola|AIAIAAnguilla|AXALAÅland Islands|ALALBAlbania|ADANDAndorra|" +
  "AEAREUnited Arab Emirates|ARARGArgentina|AMARMArmenia|ASASMAmerican Samoa|AQATAAntarctica|" +
  "TFATFFrench Southern Territories|AGATGAntigua and Barbuda|AUAUSAustralia|ATAUTAustria|" +
  "AZAZEAzerbaijan|BIBDIBurundi|BEBELBelgium|BJBENBenin|BQBESBonaire, Sint Eustatius and Saba|" +
  "BFBFABurkina Faso|BDBGDBangladesh|BGBGRBulgaria|BHBHRBahrain|BSBHSBahamas|" +
  "BABIHBosnia and Herzegovina|BLBLMSaint Barthélemy|BYBLRBelarus|BZBLZBelize|BMBMUBermuda|" +
  "BOBOLBolivia, Plurinational State of|BRBRABrazil|BBBRBBarbados|BNBRNBrunei Darussalam|BTBTNBhutan|" +
  "BVBVTBouvet Island|BWBWABotswana|CFCAFCentral African Republic|CACANCanada|" +
  "CCCCKCocos (Keeling) Islands|CHCHESwitzerland|CLCHLChile|CNCHNChina|CICIVCôte d'Ivoire|" +
  "CMCMRCameroon|CDCODCongo, The Democratic Republic of the|CGCOGCongo|CKCOKCook Islands|COCOLColombia|" +
  "KMCOMComoros|CVCPVCabo Verde|CRCRICosta Rica|CUCUBCuba|CWCUWCuraçao|CXCXRChristmas Island|" +
  "KYCYMCayman Islands|CYCYPCyprus|CZCZECzechia|DEDEUGermany|DJDJIDjibouti|DMDMADominica|DKDNKDenmark|" +
  "DODOMDominican Republic|DZDZAAlgeria|ECECUEcuador|EGEGYEgypt|ERERIEritrea|EHESHWestern Sahara|" +
  "ESESPSpain|EEESTEstonia|ETETHEthiopia|FIFINFinland|FJFJIFiji|FKFLKFalkland Islands (Malvinas)|" +
  "FRFRAFrance|FOFROFaroe Islands|FMFSMMicronesia, Federated States of|GAGABGabon|GBGBRUnited Kingdom|" +
  "GEGEOGeorgia|GGGGYGuernsey|GHGHAGhana|GIGIBGibraltar|GNGINGuinea|GPGLPGuadeloupe|GMGMBGambia|" +
  "GWGNBGuinea-Bissau|GQGNQEquatorial Guinea|GRGRCGreece|GDGRDGrenada|GLGRLGreenland|GTGTMGuatemala|" +
  "GFGUFFrench Guiana|GUGUMGuam|GYGUYGuyana|HKHKGHong Kong|HMHMDHeard Island and McDonald Islands|" +
  "HNHNDHonduras|HRHRVCroatia|HTHTIHaiti|HUHUNHungary|IDIDNIndonesia|IMIMNIsle of Man|ININDIndia|" +
  "IOIOTBritish Indian Ocean Territory|IEIRLIreland|IRIRNIran, Islamic Republic of|IQIRQIraq|" +
  "ISISLIceland|ILISRIsrael|ITITAItaly|JMJAMJamaica|JEJEYJersey|JOJORJordan|JPJPNJapan|KZKAZKazakhstan|" +
  "KEKENKenya|KGKGZKyrgyzstan|KHKHMCambodia|KIKIRKiribati|KNKNASaint Kitts and Nevis|" +
  "KRKORKorea, Republic of|KWKWTKuwait|LALAOLao People's Democratic Republic|LBLBNLebanon|LRLBRLiberia|" +
  "LYLBYLibya|LCLCASaint Lucia|LILIELiechtenstein|LKLKASri Lanka|LSLSOLesotho|LTLTULithuania|" +
  "LULUXLuxembourg|LVLVALatvia|MOMACMacao|MFMAFSaint Martin (French part)|MAMARMorocco|MCMCOMonaco|" +
  "MDMDAMoldova, Republic of|MGMDGMadagascar|MVMDVMaldives|MXMEXMexico|MHMHLMarshall Islands|" +
  "MKMKDNorth Macedonia|MLMLIMali|MTMLTMalta|MMMMRMyanmar|MEMNEMontenegro|MNMNGMongolia|" +
  "MPMNPNorthern Mariana Islands|MZMOZMozambique|MRMRTMauritania|MSMSRMontserrat|MQMTQMartinique|" +
  "MUMUSMauritius|MWMWIMalawi|MYMYSMalaysia|YTMYTMayotte|NANAMNamibia|NCNCLNew Caledonia|NENERNiger|" +
  "NFNFKNorfolk Island|NGNGANigeria|NINICNicaragua|NUNIUNiue|NLNLDNetherlands|NONORNorway|NPNPLNepal|" +
  "NRNRUNauru|NZNZLNew Zealand|OMOMNOman|PKPAKPakistan|PAPANPanama|PNPCNPitcairn|PEPERPeru|" +
  "PHPHLPhilippines|PWPLWPalau|PGPNGPapua New Guinea|PLPOLPoland|PRPRIPuerto Rico|" +
  "KPPRKKorea, Democratic People's Republic of|PTPRTPortugal|PYPRYParaguay|PSPSEPalestine, State of|" +
  "PFPYFFrench Polynesia|QAQATQatar|REREURéunion|ROROURomania|RURUSRussian Federation|RWRWARwanda|" +
  "SASAUSaudi Arabia|SDSDNSudan|SNSENSenegal|SGSGPSingapore|" +
  "GSSGSSouth Georgia and the South Sandwich Islands|SHSHNSaint Helena, Ascension and Tristan da Cunha|" +
  "SJSJMSvalbard and Jan Mayen|SBSLBSolomon Islands|SLSLESierra Leone|SVSLVEl Salvador|SMSMRSan Marino|" +
  "SOSOMSomalia|PMSPMSaint Pierre and Miquelon|RSSRBSerbia|SSSSDSouth Sudan|STSTPSao Tome and Principe|" +
  "SRSURSuriname|SKSVKSlovakia|SISVNSlovenia|SESWESweden|SZSWZEswatini|SXSXMSint Maarten (Dutch part)|" +
  "SCSYCSeychelles|SYSYRSyrian Arab Republic|TCTCATurks and Caicos Islands|TDTCDChad|TGTGOTogo|" +
  "THTHAThailand|TJTJKTajikistan|TKTKLTokelau|TMTKMTurkmenistan|TLTLSTimor-Leste|TOTONTonga|" +
  "TTTTOTrinidad and Tobago|TNTUNTunisia|TRTURTürkiye|TVTUVTuvalu|TWTWNTaiwan, Province of China|" +
  "TZTZATanzania, United Republic of|UGUGAUganda|UAUKRUkraine|" +
  "UMUMIUnited States Minor Outlying Islands|UYURYUruguay|USUSAUnited States|UZUZBUzbekistan|" +
  "VAVATHoly See (Vatican City State)|VCVCTSaint Vincent and the Grenadines|" +
  "VEVENVenezuela, Bolivarian Republic of|VGVGBVirgin Islands, British|VIVIRVirgin Islands, U.S.|" +
  "VNVNMViet Nam|VUVUTVanuatu|WFWLFWallis and Futuna|WSWSMSamoa|YEYEMYemen|ZAZAFSouth Africa|" +
  "ZMZMBZambia|ZWZWEZimbabwe|XKXKXKosovo";
const ISO_639 =
  "aaaar ababk afafr akaka amamh arara anarg asasm avava aeave ayaym azaze babak bmbam bebel bnben " +
  "bhbih bibis bobodtib bsbos brbre bgbul cacat cscescze chcha ceche cuchu cvchv kwcor cocos crcre " +
  "cycymwel dadan dedeuger dvdiv dzdzo elellgre eneng eoepo etest eueusbaq eeewe fofao fafasper fjfij " +
  "fifin frfrafre fyfry ffful gdgla gagle glglg gvglv gngrn guguj hthat hahau heheb hzher hihin hohmo " +
  "hrhrv huhun hyhyearm igibo ioido iiiii iuiku ieile iaina idind ikipk isislice itita jvjav jajpn " +
  "klkal knkan kskas kakatgeo krkau kkkaz kmkhm kikik rwkin kykir kvkom kgkon kokor kjkua kukur lolao " +
  "lalat lvlav lilim lnlin ltlit lbltz lulub lglug mhmah mlmal mrmar mkmkdmac mgmlg mtmlt mnmon " +
  "mimrimao msmsamay mymyabur nanau nvnav nrnbl ndnde ngndo nenep nlnlddut nnnno nbnob nonor nynya " +
  "ococi ojoji orori omorm ososs papan pipli plpol ptpor pspus quque rmroh roronrum rnrun rurus sgsag " +
  "sasan sisin skslkslo slslv sesme smsmo snsna sdsnd sosom stsot esspa sqsqialb scsrd srsrp ssssw " +
  "susun swswa svswe tytah tatam tttat tetel tgtgk tltgl ththa titir toton tntsn tstso tktuk trtur " +
  "twtwi uguig ukukr ururd uzuzb veven vivie vovol wawln wowol xhxho yiyid yoyor zazha zhzhochi zuzul";

const COUNTRY_ALIASES = { uk: "GB", "great britain": "GB", usa: "US", "united states of america": "US", "south korea": "KR", turkey: "TR", russia: "RU" };
// Lower-cased alpha-2, alpha-3 and name → alpha-2.
const COUNTRIES = new Map(Object.entries(COUNTRY_ALIASES));
for (const row of ISO_3166.split("|")) {
  const alpha2 = row.slice(0, 2);
  for (const key of [alpha2, row.slice(2, 5), row.slice(5)]) COUNTRIES.set(key.toLowerCase(), alpha2);
}
// Lower-cased ISO 639-1 and 639-2 codes → 639-1; retired codes → current ones.
const LANGUAGES = new Map([["iw", "he"], ["in", "id"], ["ji", "yi"]]);
for (const row of ISO_639.split(" ")) {
  const alpha2 = row.slice(0, 2);
  LANGUAGES.set(alpha2, alpha2);
  for (let at = 2; at < row.length; at += 3) LANGUAGES.set(row.slice(at, at + 3), alpha2);
}
// Lower-cased zone name → the spelling Intl uses.
const TIME_ZONES = new Map(Intl.supportedValuesOf("timeZone").map((zone) => [zone.toLowerCase(), zone]));

// JavaScript's \s stands for Unicode White_Space; C0, DEL and C1 are refused
// once tabs and newlines have collapsed into spaces.
const collapse = (text) => text.replace(/\s+/g, " ").trim();
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const noControl = { message: "Control characters are not allowed", abort: true };
const lookup = (table, what) => (text, ctx) => {
  const found = table.get(text.trim().toLowerCase());
  if (found !== undefined) return found;
  ctx.addIssue({ code: "invalid_format", format: what, message: `Invalid ${what}`, input: text });
  return z.NEVER;
};
// A trimmed string that is blank counts as not given (absent), so defaults apply.
const given = (schema) => z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), schema);

// Names: trimmed, collapsed, blank → null.
const nullableName = z
  .string()
  .nullable()
  .transform((v) => (v === null ? null : collapse(v) || null))
  .refine((v) => v === null || !CONTROL.test(v), noControl)
  .optional();
const line = z.string().transform(collapse).refine((v) => !CONTROL.test(v), noControl);
const addressLine = line.pipe(z.string().min(2));
const trimmedNullable = z
  .string()
  .trim()
  .nullable()
  .transform((v) => v || null)
  .optional();
const upperEnum = (values) => z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v), z.enum(values));

const language = z.string().transform((text, ctx) => {
  const code = LANGUAGES.get(text.trim().toLowerCase().split(/[-_]/)[0]);
  if (code !== undefined) return code;
  ctx.addIssue({ code: "invalid_format", format: "language", message: "Invalid language", input: text });
  return z.NEVER;
});

const address = z.object({
  street: addressLine,
  street2: given(line.optional()),
  city: addressLine,
  state: addressLine,
  postalCode: addressLine,
  country: z.string().transform(lookup(COUNTRIES, "country")),
});

const timestamp = z.number().int().min(0);

// The reference implementation's phone check.
const E164_REGEX = /^\+?[1-9]\d{1,14}$/;
const regexPhone = z
  .string()
  .transform((v) => v.replace(/[\s().-]/g, "") || null)
  .refine((v) => v === null || E164_REGEX.test(v), { message: "Invalid phone number" })
  .nullable()
  .optional();

// Line types for which an SMS contact gets no warning (as ours: mobile, or
// a plan that cannot tell fixed from mobile, or unknown).
const MAY_BE_MOBILE = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE", undefined]);

/**
 * The Customer and Create schemas.
 * @param {{ phone: "regex" | "lpn", defaultRegion?: string }} options
 */
export function zodCustomerSchemas({ phone, defaultRegion }) {
  const fields = {
    customerId: trimmedNullable,
    // zod-lpn checks the number in the record's transform below: its default
    // region may come from address.country, which is another field.
    phone_number: phone === "regex" ? regexPhone : z.string().nullable().optional(),
    firstname: nullableName,
    lastname: nullableName,
    company: z
      .string()
      .transform((v) => collapse(v) || undefined)
      .refine((v) => v === undefined || !CONTROL.test(v), noControl)
      .optional(),
    timezone: given(z.string().transform(lookup(TIME_ZONES, "timezone")).optional()),
    email: given(z.email().transform((v) => v.replace(/@.*/, (domain) => domain.toLowerCase())).optional()),
    preferred_language: given(language.default("en")),
    preferred_contact_method: upperEnum(["EMAIL", "PHONE", "SMS"]).default("EMAIL"),
    best_time_to_call: upperEnum(["MORNING", "AFTERNOON", "EVENING"]).optional(),
    notes: z.string().optional(),
    tags: z
      .array(z.string().trim().min(1))
      .transform((tags) => [...new Set(tags)])
      .optional(),
    custom_fields: z.record(z.string(), z.unknown()).optional(),
    address: address.optional(),
    isValidatedNames: z.boolean().default(false),
  };

  // zod-lpn: the phone number, read in its region, written as E.164.
  const checkPhone = (record, ctx) => {
    const text = record.phone_number?.trim();
    if (text === undefined) return record;
    if (text === "") {
      record.phone_number = null;
      return record;
    }
    const region = defaultRegion ?? record.address?.country;
    const number =
      region || text.startsWith("+")
        ? parsePhoneNumber(text, { defaultCountry: region, extract: false })
        : parsePhoneNumber(`+${text}`, { extract: false });
    if (!number || number.ext || !number.isValid()) {
      ctx.addIssue({ code: "invalid_format", format: "phone", path: ["phone_number"], message: "Invalid phone number", input: text });
      return z.NEVER;
    }
    record.phone_number = number.number;
    if (record.preferred_contact_method === "SMS") {
      const type = number.getType();
      if (!MAY_BE_MOBILE.has(type)) {
        record[WARNINGS] = [{ code: "custom", path: ["phone_number"], message: `SMS preferred, but the number is ${type}` }];
      }
    }
    return record;
  };
  const finish = (schema) => (phone === "regex" ? schema : schema.transform(checkPhone));

  const CreateCustomerSchema = finish(z.object(fields));
  const CustomerSchema = finish(
    z
      .object({
        ...fields,
        id: z.string().trim().min(1),
        channelId: z.string().trim().nullable().optional(),
        createdAt: timestamp,
        updatedAt: timestamp,
      })
      .refine((r) => r.updatedAt >= r.createdAt, { message: "updatedAt must not be before createdAt", path: ["updatedAt"] }),
  );
  return { CustomerSchema, CreateCustomerSchema };
}
