"""The ``coe_form`` family: after the Council of Europe's model request form for mutual
assistance in criminal matters (PC-OC Mod (2014)10 rev.6) and its guidelines (PC-OC (2015)09
rev3), and the EU-UK standard form for requests under the Trade and Cooperation Agreement
(COM(2023) 56, Decision No 1/2023 of the Specialised Committee).

Written after the rules of issue 14's first round and unlike the other families: its own
labels, headings and sentences in each language (none of ``lang.py``'s subject, facts,
purpose or urgency sentences), word-processor tick boxes printed AFTER their option
("Yes ☐   No ☒") in about half of the documents, two options of a list on one line, an
"any other assistance" option, elements given under the form's own headings or in a
free "other information" part, and parts left empty or struck through ("—", "N/A").
"""

from __future__ import annotations

import random

from .doc import BOX_STYLES, Boxes, Document, Table, Text
from .model import MLA_MEASURES, Content, Req, join_list

# Labels: title, subtitle, parts (1-12), fields, options.
CF: dict[str, dict] = {
    "en": {
        "title": "MODEL REQUEST FORM FOR MUTUAL ASSISTANCE IN CRIMINAL MATTERS",
        "sub": "Please complete all applicable parts",
        "parts": [
            "Issuing authority",
            "Authority to which the request is addressed",
            "Convention(s) or other legal basis",
            "Time limits",
            "Confidentiality",
            "Description of the case",
            "Persons concerned",
            "Assistance requested",
            "Relevance of the assistance requested",
            "Other information",
        ],
        "auth_name": "Name of the authority",
        "auth_rep": "Represented by",
        "auth_addr": "Postal address",
        "auth_mail": "E-mail",
        "req_to": "Central Authority of the Reference State",
        "urgent_q": "Is this request urgent?",
        "reasons": "Reasons for urgency / date by which execution is needed",
        "conf_q": "Must the request be kept confidential?",
        "type_q": "Nature of the proceedings",
        "types": ("criminal investigation or prosecution", "civil proceedings", "administrative proceedings"),
        "conducted": "Authority conducting the proceedings",
        "case_no": "File number",
        "facts_h": "Brief summary of the facts",
        "offences_h": "Offences and applicable provisions",
        "other_opt": "Other assistance (please specify)",
        "any": "Any other assistance that may prove useful to establish the facts set out above.",
        "execute": "Details of execution",
        "accounts_h": "Accounts concerned",
        "acc": ("Account number", "Financial institution", "Holder"),
        "person": (
            "Full name",
            "Capacity",
            "Date of birth",
            "Nationality",
            "Identity document",
            "Last known address",
        ),
        "sign": "Signature and official stamp",
        "place_date": "Place and date",
        "na": "N/A",
    },
    "fr": {
        "title": "FORMULAIRE TYPE DE DEMANDE D'ENTRAIDE EN MATIÈRE PÉNALE",
        "sub": "Remplir toutes les rubriques pertinentes",
        "parts": [
            "Autorité d'émission",
            "Autorité à laquelle la demande est adressée",
            "Convention(s) ou autre fondement juridique",
            "Délais",
            "Confidentialité",
            "Exposé de l'affaire",
            "Personnes concernées",
            "Entraide sollicitée",
            "Pertinence de l'entraide sollicitée",
            "Autres informations",
        ],
        "auth_name": "Dénomination de l'autorité",
        "auth_rep": "Représentée par",
        "auth_addr": "Adresse postale",
        "auth_mail": "Courriel",
        "req_to": "Autorité centrale de l'État de référence",
        "urgent_q": "La demande est-elle urgente ?",
        "reasons": "Motifs de l'urgence / date limite d'exécution",
        "conf_q": "La demande doit-elle rester confidentielle ?",
        "type_q": "Nature de la procédure",
        "types": ("enquête ou poursuites pénales", "procédure civile", "procédure administrative"),
        "conducted": "Autorité chargée de la procédure",
        "case_no": "Numéro de dossier",
        "facts_h": "Bref résumé des faits",
        "offences_h": "Infractions et dispositions applicables",
        "other_opt": "Autre forme d'entraide (préciser)",
        "any": "Toute autre mesure d'entraide utile à la manifestation de la vérité sur les faits exposés.",
        "execute": "Modalités d'exécution",
        "accounts_h": "Comptes visés",
        "acc": ("Numéro de compte", "Établissement", "Titulaire"),
        "person": (
            "Nom complet",
            "Qualité",
            "Né(e) le",
            "Nationalité",
            "Pièce d'identité",
            "Dernière adresse connue",
        ),
        "sign": "Signature et cachet",
        "place_date": "Fait à / le",
        "na": "sans objet",
    },
    "es": {
        "title": "FORMULARIO MODELO DE SOLICITUD DE ASISTENCIA JUDICIAL EN MATERIA PENAL",
        "sub": "Cumplimente todos los apartados que procedan",
        "parts": [
            "Autoridad emisora",
            "Autoridad a la que se dirige la solicitud",
            "Convenio(s) u otra base jurídica",
            "Plazos",
            "Confidencialidad",
            "Descripción del asunto",
            "Personas afectadas",
            "Asistencia que se solicita",
            "Pertinencia de la asistencia solicitada",
            "Otra información",
        ],
        "auth_name": "Denominación de la autoridad",
        "auth_rep": "Representada por",
        "auth_addr": "Dirección postal",
        "auth_mail": "Correo electrónico",
        "req_to": "Autoridad Central del Estado de referencia",
        "urgent_q": "¿Es urgente la solicitud?",
        "reasons": "Motivos de la urgencia / fecha límite de ejecución",
        "conf_q": "¿Debe mantenerse la confidencialidad?",
        "type_q": "Naturaleza del procedimiento",
        "types": (
            "investigación o enjuiciamiento penal",
            "procedimiento civil",
            "procedimiento administrativo",
        ),
        "conducted": "Autoridad que dirige el procedimiento",
        "case_no": "Número de expediente",
        "facts_h": "Breve resumen de los hechos",
        "offences_h": "Delitos y disposiciones aplicables",
        "other_opt": "Otra asistencia (especifíquese)",
        "any": "Cualquier otra diligencia que resulte útil para el esclarecimiento de los hechos expuestos.",
        "execute": "Forma de ejecución",
        "accounts_h": "Cuentas afectadas",
        "acc": ("Número de cuenta", "Entidad", "Titular"),
        "person": (
            "Nombre completo",
            "Condición",
            "Fecha de nacimiento",
            "Nacionalidad",
            "Documento de identidad",
            "Último domicilio conocido",
        ),
        "sign": "Firma y sello",
        "place_date": "Lugar y fecha",
        "na": "no procede",
    },
    "pt": {
        "title": "FORMULÁRIO-MODELO DE PEDIDO DE AUXÍLIO JUDICIÁRIO EM MATÉRIA PENAL",
        "sub": "Preencher todas as rubricas aplicáveis",
        "parts": [
            "Autoridade emitente",
            "Autoridade à qual o pedido é dirigido",
            "Convenção ou outra base jurídica",
            "Prazos",
            "Confidencialidade",
            "Descrição do caso",
            "Pessoas em causa",
            "Auxílio solicitado",
            "Pertinência do auxílio solicitado",
            "Outras informações",
        ],
        "auth_name": "Designação da autoridade",
        "auth_rep": "Representada por",
        "auth_addr": "Endereço postal",
        "auth_mail": "Correio eletrónico",
        "req_to": "Autoridade Central do Estado de referência",
        "urgent_q": "O pedido é urgente?",
        "reasons": "Motivos da urgência / data limite de execução",
        "conf_q": "O pedido deve ser mantido confidencial?",
        "type_q": "Natureza do processo",
        "types": ("inquérito ou ação penal", "processo cível", "processo administrativo"),
        "conducted": "Autoridade que dirige o processo",
        "case_no": "Número do processo",
        "facts_h": "Breve resumo dos factos",
        "offences_h": "Infrações e disposições aplicáveis",
        "other_opt": "Outro auxílio (especificar)",
        "any": "Qualquer outra diligência que se revele útil ao apuramento dos factos descritos.",
        "execute": "Modo de execução",
        "accounts_h": "Contas visadas",
        "acc": ("Número da conta", "Instituição", "Titular"),
        "person": (
            "Nome completo",
            "Qualidade",
            "Data de nascimento",
            "Nacionalidade",
            "Documento de identificação",
            "Última morada conhecida",
        ),
        "sign": "Assinatura e selo",
        "place_date": "Local e data",
        "na": "não aplicável",
    },
    "ru": {
        "title": "ТИПОВАЯ ФОРМА ЗАПРОСА О ВЗАИМНОЙ ПРАВОВОЙ ПОМОЩИ ПО УГОЛОВНЫМ ДЕЛАМ",
        "sub": "Заполните все применимые разделы",
        "parts": [
            "Запрашивающий орган",
            "Орган, которому направляется запрос",
            "Конвенция или иное правовое основание",
            "Сроки",
            "Конфиденциальность",
            "Описание дела",
            "Лица, в отношении которых направлен запрос",
            "Запрашиваемая помощь",
            "Значение запрашиваемой помощи для дела",
            "Иные сведения",
        ],
        "auth_name": "Наименование органа",
        "auth_rep": "В лице",
        "auth_addr": "Почтовый адрес",
        "auth_mail": "Электронная почта",
        "req_to": "Центральный орган Государства-адресата",
        "urgent_q": "Является ли запрос срочным?",
        "reasons": "Основания срочности / срок исполнения",
        "conf_q": "Требуется ли сохранение конфиденциальности?",
        "type_q": "Характер производства",
        "types": (
            "уголовное расследование или преследование",
            "гражданское производство",
            "административное производство",
        ),
        "conducted": "Орган, ведущий производство",
        "case_no": "Номер дела",
        "facts_h": "Краткое изложение фактов",
        "offences_h": "Преступления и применимые нормы",
        "other_opt": "Иная помощь (указать)",
        "any": "Любые иные действия, которые могут способствовать установлению изложенных обстоятельств.",
        "execute": "Порядок исполнения",
        "accounts_h": "Счета",
        "acc": ("Номер счета", "Банк", "Владелец"),
        "person": (
            "Ф.И.О.",
            "Процессуальное положение",
            "Дата рождения",
            "Гражданство",
            "Документ, удостоверяющий личность",
            "Последний известный адрес",
        ),
        "sign": "Подпись и печать",
        "place_date": "Место и дата",
        "na": "не применимо",
    },
    "ar": {
        "title": "نموذج طلب المساعدة القانونية المتبادلة في المسائل الجنائية",
        "sub": "يرجى ملء جميع الخانات ذات الصلة",
        "parts": [
            "الجهة المصدرة للطلب",
            "الجهة الموجه إليها الطلب",
            "الاتفاقية أو الأساس القانوني الآخر",
            "الآجال",
            "السرية",
            "عرض القضية",
            "الأشخاص المعنيون",
            "المساعدة المطلوبة",
            "أهمية المساعدة المطلوبة",
            "معلومات أخرى",
        ],
        "auth_name": "اسم الجهة",
        "auth_rep": "ويمثلها",
        "auth_addr": "العنوان البريدي",
        "auth_mail": "البريد الإلكتروني",
        "req_to": "السلطة المركزية في الدولة المرجعية",
        "urgent_q": "هل الطلب عاجل؟",
        "reasons": "أسباب الاستعجال / تاريخ التنفيذ المطلوب",
        "conf_q": "هل يجب الحفاظ على سرية الطلب؟",
        "type_q": "طبيعة الإجراءات",
        "types": ("تحقيق أو ملاحقة جنائية", "دعوى مدنية", "إجراءات إدارية"),
        "conducted": "الجهة التي تباشر الإجراءات",
        "case_no": "رقم الملف",
        "facts_h": "ملخص موجز للوقائع",
        "offences_h": "الجرائم والنصوص المنطبقة",
        "other_opt": "مساعدة أخرى (يرجى التحديد)",
        "any": "أي إجراء آخر من شأنه أن يساعد في كشف حقيقة الوقائع المبينة أعلاه.",
        "execute": "كيفية التنفيذ",
        "accounts_h": "الحسابات المعنية",
        "acc": ("رقم الحساب", "المؤسسة المالية", "صاحب الحساب"),
        "person": ("الاسم الكامل", "الصفة", "تاريخ الميلاد", "الجنسية", "وثيقة الهوية", "آخر عنوان معروف"),
        "sign": "التوقيع والختم",
        "place_date": "المكان والتاريخ",
        "na": "لا ينطبق",
    },
    "de": {
        "title": "MUSTERFORMULAR FÜR RECHTSHILFEERSUCHEN IN STRAFSACHEN",
        "sub": "Bitte alle zutreffenden Teile ausfüllen",
        "parts": [
            "Ersuchende Stelle",
            "Stelle, an die das Ersuchen gerichtet ist",
            "Übereinkommen oder sonstige Rechtsgrundlage",
            "Fristen",
            "Vertraulichkeit",
            "Darstellung des Falls",
            "Betroffene Personen",
            "Erbetene Rechtshilfe",
            "Bedeutung der erbetenen Rechtshilfe",
            "Sonstige Angaben",
        ],
        "auth_name": "Bezeichnung der Stelle",
        "auth_rep": "Vertreten durch",
        "auth_addr": "Postanschrift",
        "auth_mail": "E-Mail",
        "req_to": "Zentrale Behörde des Referenzstaats",
        "urgent_q": "Ist das Ersuchen eilbedürftig?",
        "reasons": "Gründe der Eilbedürftigkeit / Erledigung bis",
        "conf_q": "Ist Vertraulichkeit zu wahren?",
        "type_q": "Art des Verfahrens",
        "types": ("strafrechtliche Ermittlung oder Verfolgung", "Zivilverfahren", "Verwaltungsverfahren"),
        "conducted": "Verfahrensführende Stelle",
        "case_no": "Aktenzeichen",
        "facts_h": "Kurze Sachverhaltsdarstellung",
        "offences_h": "Straftaten und anwendbare Vorschriften",
        "other_opt": "Sonstige Rechtshilfe (bitte angeben)",
        "any": "Jede weitere Maßnahme, die zur Aufklärung des geschilderten Sachverhalts dienlich sein kann.",
        "execute": "Art der Erledigung",
        "accounts_h": "Betroffene Konten",
        "acc": ("Kontonummer", "Institut", "Inhaber"),
        "person": (
            "Vollständiger Name",
            "Stellung im Verfahren",
            "Geburtsdatum",
            "Staatsangehörigkeit",
            "Ausweisdokument",
            "Letzte bekannte Anschrift",
        ),
        "sign": "Unterschrift und Dienstsiegel",
        "place_date": "Ort und Datum",
        "na": "entfällt",
    },
    "it": {
        "title": "MODULO TIPO DI RICHIESTA DI ASSISTENZA GIUDIZIARIA IN MATERIA PENALE",
        "sub": "Compilare tutte le parti pertinenti",
        "parts": [
            "Autorità emittente",
            "Autorità cui è diretta la richiesta",
            "Convenzione o altra base giuridica",
            "Termini",
            "Riservatezza",
            "Descrizione del caso",
            "Persone interessate",
            "Assistenza richiesta",
            "Rilevanza dell'assistenza richiesta",
            "Altre informazioni",
        ],
        "auth_name": "Denominazione dell'autorità",
        "auth_rep": "Rappresentata da",
        "auth_addr": "Indirizzo postale",
        "auth_mail": "Posta elettronica",
        "req_to": "Autorità centrale dello Stato di riferimento",
        "urgent_q": "La richiesta è urgente?",
        "reasons": "Motivi dell'urgenza / termine di esecuzione",
        "conf_q": "La richiesta deve restare riservata?",
        "type_q": "Natura del procedimento",
        "types": ("indagine o azione penale", "procedimento civile", "procedimento amministrativo"),
        "conducted": "Autorità che conduce il procedimento",
        "case_no": "Numero del fascicolo",
        "facts_h": "Breve sintesi dei fatti",
        "offences_h": "Reati e disposizioni applicabili",
        "other_opt": "Altra assistenza (specificare)",
        "any": "Ogni altro atto utile all'accertamento dei fatti sopra esposti.",
        "execute": "Modalità di esecuzione",
        "accounts_h": "Conti interessati",
        "acc": ("Numero di conto", "Istituto", "Titolare"),
        "person": (
            "Nome completo",
            "Qualità",
            "Data di nascita",
            "Cittadinanza",
            "Documento di identità",
            "Ultimo indirizzo noto",
        ),
        "sign": "Firma e timbro",
        "place_date": "Luogo e data",
        "na": "non pertinente",
    },
}

# Sentences of this family's own, per language.
CS: dict[str, dict] = {
    "en": {
        "subject": "{auth} is investigating {suspects} in case {case} for {offences}; the case is at the stage of {stage}.",
        "stage": {
            "criminal": "a pre-trial investigation",
            "civil": "a civil recovery claim before the High Court",
            "administrative": "an administrative inquiry into asset declarations",
        },
        "facts": "According to the evidence gathered so far, {s1}, who served as {office} at {inst}, arranged between {y0} and {y1} for {co} to be paid {amount} out of public funds and received part of that sum through intermediaries.",
        "purpose": "The material will be produced at trial to prove the origin of the funds and the role of each person concerned.",
        "purpose_civil": "The records will be produced before the civil court to establish the State's claim to the assets.",
        "purpose_adm": "The information will be used by the inquiry to decide whether the declarations were false.",
        "urg_deadline": "{s1} is remanded in custody until {d}; the evidence must reach us before that date.",
        "urg_plain": "There is a real risk that the funds will be moved abroad at short notice.",
        "not_urgent": "No particular time limit applies to this request.",
        "conf": "The persons concerned must not be informed of this request.",
        "intro": "It is requested that the competent authorities:",
    },
    "fr": {
        "subject": "{auth} instruit, sous le numéro {case}, une affaire mettant en cause {suspects} pour {offences} ; l'affaire en est au stade de {stage}.",
        "stage": {
            "criminal": "l'instruction préparatoire",
            "civil": "une action civile en restitution",
            "administrative": "un contrôle administratif des déclarations de patrimoine",
        },
        "facts": "Il ressort des investigations que {s1}, alors {office} au sein de {inst}, a fait verser entre {y0} et {y1} à la société {co} la somme de {amount} prélevée sur des fonds publics, dont une partie lui a été rétrocédée par des intermédiaires.",
        "purpose": "Les pièces obtenues seront versées au dossier afin de prouver l'origine des fonds et le rôle de chacun des intéressés.",
        "purpose_civil": "Les relevés seront produits devant la juridiction civile à l'appui de la créance de l'État.",
        "purpose_adm": "Les informations permettront de déterminer si les déclarations étaient mensongères.",
        "urg_deadline": "{s1} est détenu jusqu'au {d} ; les éléments doivent nous parvenir avant cette date.",
        "urg_plain": "Il existe un risque sérieux que les fonds soient transférés à l'étranger à bref délai.",
        "not_urgent": "Aucun délai particulier ne s'attache à la présente demande.",
        "conf": "Les personnes concernées ne doivent pas être informées de la demande.",
        "intro": "Il est demandé aux autorités compétentes de :",
    },
    "es": {
        "subject": "{auth} instruye las diligencias {case} contra {suspects} por {offences}; el asunto se encuentra en fase de {stage}.",
        "stage": {
            "criminal": "instrucción",
            "civil": "demanda civil de restitución",
            "administrative": "expediente administrativo de verificación patrimonial",
        },
        "facts": "Según lo actuado, {s1}, que ejercía como {office} en {inst}, dispuso entre {y0} y {y1} el pago de {amount} de fondos públicos a la empresa {co} y recibió parte de esa suma a través de intermediarios.",
        "purpose": "La documentación se aportará al juicio para acreditar el origen de los fondos y la participación de cada uno de los investigados.",
        "purpose_civil": "Los extractos se presentarán ante el juez civil para acreditar el derecho del Estado sobre los bienes.",
        "purpose_adm": "La información servirá para determinar si las declaraciones eran falsas.",
        "urg_deadline": "{s1} se encuentra en prisión provisional hasta el {d}; la documentación debe recibirse antes de esa fecha.",
        "urg_plain": "Existe un riesgo cierto de que los fondos sean transferidos al extranjero de forma inminente.",
        "not_urgent": "La presente solicitud no está sujeta a plazo alguno.",
        "conf": "No debe informarse a las personas afectadas de la existencia de esta solicitud.",
        "intro": "Se solicita a las autoridades competentes que:",
    },
    "pt": {
        "subject": "{auth} dirige o inquérito n.º {case} contra {suspects} por {offences}; o processo encontra-se na fase de {stage}.",
        "stage": {
            "criminal": "inquérito",
            "civil": "ação cível de restituição",
            "administrative": "procedimento administrativo de verificação patrimonial",
        },
        "facts": "Das diligências realizadas resulta que {s1}, então {office} em {inst}, determinou entre {y0} e {y1} o pagamento de {amount} de dinheiros públicos à sociedade {co}, tendo recebido parte dessa quantia por intermédio de terceiros.",
        "purpose": "Os elementos obtidos serão juntos ao processo para provar a origem dos fundos e a participação de cada um dos visados.",
        "purpose_civil": "Os extratos serão apresentados ao tribunal cível para demonstrar o direito do Estado sobre os bens.",
        "purpose_adm": "A informação servirá para apurar se as declarações eram falsas.",
        "urg_deadline": "{s1} encontra-se em prisão preventiva até {d}; os elementos devem ser recebidos antes dessa data.",
        "urg_plain": "Existe um risco sério de os fundos serem transferidos para o estrangeiro a curto prazo.",
        "not_urgent": "O presente pedido não está sujeito a qualquer prazo.",
        "conf": "As pessoas visadas não devem ser informadas do presente pedido.",
        "intro": "Solicita-se às autoridades competentes que:",
    },
    "ru": {
        "subject": "{auth} расследует уголовное дело № {case} в отношении {suspects} по признакам {offences}; дело находится на стадии {stage}.",
        "stage": {
            "criminal": "предварительного следствия",
            "civil": "гражданского иска о возврате имущества",
            "administrative": "административной проверки деклараций",
        },
        "facts": "Материалами дела установлено, что {s1}, занимая должность {office} в {inst}, в период с {y0} по {y1} организовал перечисление компании {co} бюджетных средств в сумме {amount}, часть которых получил через посредников.",
        "purpose": "Полученные материалы будут приобщены к делу для доказывания происхождения денежных средств и роли каждого из фигурантов.",
        "purpose_civil": "Выписки будут представлены в суд для обоснования требований государства в отношении имущества.",
        "purpose_adm": "Сведения необходимы для установления недостоверности деклараций.",
        "urg_deadline": "{s1} содержится под стражей до {d}; материалы должны поступить до этой даты.",
        "urg_plain": "Имеется реальная опасность вывода денежных средств за рубеж в ближайшее время.",
        "not_urgent": "Каких-либо сроков исполнения запроса не установлено.",
        "conf": "Лица, указанные в запросе, не должны быть уведомлены о нем.",
        "intro": "Просим компетентные органы:",
    },
    "ar": {
        "subject": "تباشر {auth} التحقيق في القضية رقم {case} ضد {suspects} بتهمة {offences}، والقضية في مرحلة {stage}.",
        "stage": {
            "criminal": "التحقيق الابتدائي",
            "civil": "دعوى مدنية لاسترداد الأموال",
            "administrative": "التدقيق الإداري في إقرارات الذمة المالية",
        },
        "facts": "تبين من التحريات أن {s1}، الذي كان يشغل منصب {office} في {inst}، قام بين {y0} و{y1} بصرف مبلغ {amount} من المال العام لشركة {co} وتلقى جزءا منه عن طريق وسطاء.",
        "purpose": "ستضم المستندات إلى ملف القضية لإثبات مصدر الأموال ودور كل من المعنيين.",
        "purpose_civil": "ستقدم الكشوف إلى المحكمة المدنية لإثبات حق الدولة في الأموال.",
        "purpose_adm": "ستستخدم المعلومات لتحديد ما إذا كانت الإقرارات كاذبة.",
        "urg_deadline": "{s1} موقوف احتياطيا حتى {d}، ويجب أن تصلنا المستندات قبل هذا التاريخ.",
        "urg_plain": "يوجد خطر حقيقي من تحويل الأموال إلى الخارج في وقت قريب.",
        "not_urgent": "لا يخضع هذا الطلب لأي أجل محدد.",
        "conf": "لا يجوز إعلام الأشخاص المعنيين بهذا الطلب.",
        "intro": "يرجى من السلطات المختصة:",
    },
    "de": {
        "subject": "{auth} führt unter dem Aktenzeichen {case} ein Verfahren gegen {suspects} wegen {offences}; das Verfahren befindet sich im Stadium {stage}.",
        "stage": {
            "criminal": "des Ermittlungsverfahrens",
            "civil": "einer zivilrechtlichen Herausgabeklage",
            "administrative": "einer verwaltungsrechtlichen Prüfung der Vermögenserklärungen",
        },
        "facts": "Nach den bisherigen Ermittlungen veranlasste {s1}, damals {office} bei {inst}, zwischen {y0} und {y1} die Zahlung von {amount} aus öffentlichen Mitteln an die Firma {co} und erhielt einen Teil davon über Mittelsleute zurück.",
        "purpose": "Die Unterlagen sollen in der Hauptverhandlung die Herkunft der Gelder und die Rolle jedes Beteiligten belegen.",
        "purpose_civil": "Die Auszüge sollen vor dem Zivilgericht den Anspruch des Staates auf die Vermögenswerte belegen.",
        "purpose_adm": "Die Auskünfte sollen klären, ob die Erklärungen unrichtig waren.",
        "urg_deadline": "{s1} befindet sich bis zum {d} in Untersuchungshaft; die Unterlagen müssen vorher hier eingehen.",
        "urg_plain": "Es besteht die konkrete Gefahr, dass die Gelder kurzfristig ins Ausland verschoben werden.",
        "not_urgent": "Für dieses Ersuchen gilt keine besondere Frist.",
        "conf": "Die Betroffenen dürfen von dem Ersuchen nicht unterrichtet werden.",
        "intro": "Die zuständigen Behörden werden gebeten,",
    },
    "it": {
        "subject": "{auth} procede nel fascicolo {case} nei confronti di {suspects} per {offences}; il procedimento è nella fase {stage}.",
        "stage": {
            "criminal": "delle indagini preliminari",
            "civil": "di un'azione civile di restituzione",
            "administrative": "di una verifica amministrativa delle dichiarazioni patrimoniali",
        },
        "facts": "Dalle indagini è emerso che {s1}, all'epoca {office} presso {inst}, ha disposto tra il {y0} e il {y1} il pagamento di {amount} di denaro pubblico alla società {co}, ricevendone una parte tramite intermediari.",
        "purpose": "La documentazione sarà acquisita al fascicolo per provare la provenienza del denaro e il ruolo di ciascun indagato.",
        "purpose_civil": "Gli estratti saranno prodotti davanti al giudice civile a sostegno del diritto dello Stato sui beni.",
        "purpose_adm": "Le informazioni serviranno ad accertare la falsità delle dichiarazioni.",
        "urg_deadline": "{s1} è sottoposto a custodia cautelare fino al {d}; la documentazione deve pervenire prima di tale data.",
        "urg_plain": "Sussiste il concreto pericolo che il denaro venga trasferito all'estero a breve.",
        "not_urgent": "La presente richiesta non è soggetta ad alcun termine.",
        "conf": "Le persone interessate non devono essere informate della richiesta.",
        "intro": "Si chiede alle autorità competenti di:",
    },
}


def _boxes_line(options: list[tuple[str, bool]], style: tuple, after: bool) -> str:
    """One printed line of options, the box before or after each option's words."""
    parts = []
    for text, on in options:
        box = style[1] if on else style[0]
        parts.append(f"{text} {box}" if after else f"{box} {text}")
    return "   ".join(parts)


def coe_form(req: Req, rng: random.Random, drawn=False) -> Document:
    """A model request form filled in a word processor; ``drawn`` draws the boxes of scans."""
    c = Content(req, rng)
    F, S, D = CF[req.lang], CS[req.lang], c.D
    d = Document(font="sans" if req.lang == "ar" else rng.choice(["sans", "serif"]), rtl=req.lang == "ar")
    style = rng.choice(BOX_STYLES[:6])
    after = rng.random() < 0.5 and not drawn
    empty = rng.choice(["", "—", F["na"]])
    numbered = rng.random() < 0.7
    parts = iter(F["parts"])
    counter = [0]

    def head():
        counter[0] += 1
        title = next(parts)
        d.add(Text(f"{counter[0]}. {title}" if numbered else title.upper(), 10, True, gap=0.8))

    def choice_line(question: str, options: list[tuple[str, bool]], vertical=False):
        if drawn:
            mark = rng.choice(["crossed", "ticked", "filled"])
            opts = [(t, mark if on else "empty") for t, on in options]
            d.add(Boxes(question, opts, style=style, drawn=True, vertical=vertical, size=9))
            return
        if vertical:
            if question:
                d.add(Text(question, 9, gap=0.4))
            for i in range(0, len(options), 2):  # two options a line, as in a two-column table
                d.add(Text(_boxes_line(options[i : i + 2], style, after), 9, indent=4, gap=0.4))
        else:
            d.add(Text(f"{question}   {_boxes_line(options, style, after)}", 9, gap=0.6))

    d.add(Text(F["title"], 12, True, "C", gap=0.5), Text(F["sub"], 8, False, "C", gap=3))
    d.add(Text(f"{D['ref']}: {req.ref}", 9, gap=1.5))
    # 1. issuing authority
    head()
    if "requesting_authority" in req.missing:
        d.add(Text(f"{F['auth_name']}: {empty}", 9, gap=0.4), Text(f"{F['auth_addr']}: {empty}", 9))
    else:
        d.add(
            Text(f"{F['auth_name']}: {req.auth}", 9, gap=0.4),
            Text(f"{F['auth_rep']}: {req.signer}, {req.title}", 9, gap=0.4),
            Text(f"{F['auth_addr']}: {rng.randint(1, 90)}, {req.city}, {req.state_name}", 9, gap=0.4),
            Text(f"{F['auth_mail']}: mla@{req.state.lower()}-justice.example", 9),
        )
    # 2. requested authority
    head()
    d.add(Text(F["req_to"], 9))
    # 3. legal basis
    head()
    d.add(Text(c.basis(), 9))
    # 4. time limits
    head()
    choice_line(F["urgent_q"], [(D["yes"], req.urgent), (D["no"], not req.urgent)])
    s1 = (req.suspects or req.persons)[0].full
    if req.urgency_kind == "deadline":
        d.add(Text(f"{F['reasons']}: {S['urg_deadline'].format(s1=s1, d=c.date(req.deadline))}", 9))
    elif req.urgency_kind == "plain":
        d.add(Text(f"{F['reasons']}: {S['urg_plain']}", 9))
    elif req.urgency_kind == "negated":
        d.add(Text(f"{F['reasons']}: {S['not_urgent']}", 9))
    else:
        d.add(Text(f"{F['reasons']}: {empty}", 9))
    # 5. confidentiality
    head()
    conf = rng.random() < 0.5
    choice_line(F["conf_q"], [(D["yes"], conf), (D["no"], not conf)])
    if conf:
        d.add(Text(S["conf"], 9))
    # 6. the case
    head()
    pts = ["criminal", "civil", "administrative"]
    choice_line(
        F["type_q"], [(F["types"][i], p == req.proceeding_type) for i, p in enumerate(pts)], vertical=True
    )
    if "subject_matter" not in req.missing:
        sus = join_list(req.lang, [p.full for p in req.suspects] or [req.persons[0].full])
        d.add(
            Text(
                S["subject"].format(
                    auth=c.Auth,
                    suspects=sus,
                    case=req.case,
                    offences=c.offences(),
                    stage=S["stage"][req.proceeding_type],
                ),
                9,
                gap=0.6,
            )
        )
    else:
        d.add(Text(f"{F['conducted']}: {empty}", 9, gap=0.4), Text(f"{F['case_no']}: {req.case}", 9, gap=0.6))
    d.add(Text(F["facts_h"] + ":", 9, True, gap=0.4))
    if "facts_summary" in req.missing:
        d.add(Text(empty or "—", 9, gap=0.6))
    else:
        d.add(Text(c.form_facts(S["facts"], rng), 9, gap=0.6))
    d.add(Text(F["offences_h"] + ":", 9, True, gap=0.4), Text(c.offence_sentence(), 9))
    # 7. persons
    head()
    P = F["person"]
    for p in req.persons:
        row = [f"{P[0]}: {p.full}", f"{P[1]}: {D['role'][p.role]}"]
        if "person_identity" not in req.missing:
            row += [f"{P[2]}: {c.date(p.dob)}", f"{P[3]}: {p.nat}", f"{P[4]}: {p.passport}"]
        d.add(Text(";  ".join(row[:2]), 9, gap=0.3))
        if len(row) > 2:
            d.add(
                Text(";  ".join(row[2:]), 9, indent=4, gap=0.3),
                Text(f"{P[5]}: {p.address}", 9, indent=4, gap=0.8),
            )
    if req.accounts:
        d.add(Text(F["accounts_h"] + ":", 9, True, gap=0.4))
        d.add(Table(list(F["acc"]), [[a.printed, a.bank, a.holder] for a in req.accounts], [70, 50, 54]))
    # 8. assistance
    head()
    any_other = rng.random() < 0.35 and req.request_type == "mla" and "assistance_sought" not in req.missing
    shown = sorted(set(rng.sample(MLA_MEASURES, 6)) | set(req.measures), key=MLA_MEASURES.index)
    options = [(D["meas"][m][1], m in req.measures) for m in shown] + [(F["other_opt"], any_other)]
    choice_line("", options, vertical=True)
    if req.request_type == "extradition":
        for line in c.ext_lines():
            d.add(Text(line, 9))
    if req.measures:
        d.add(Text(F["execute"] + ":", 9, True, gap=0.4), Text(S["intro"], 9, gap=0.3))
        for i, line in enumerate(c.measure_lines(), 1):
            d.add(Text(f"{chr(96 + i)}) {line}", 9, indent=4, gap=0.4))
    if any_other:
        d.add(Text(F["any"], 9, indent=4))
    # 9. relevance (purpose), sometimes given in "other information" instead
    purpose = {"criminal": S["purpose"], "civil": S["purpose_civil"], "administrative": S["purpose_adm"]}[
        req.proceeding_type
    ]
    has_purpose = "purpose" not in req.missing and req.request_type == "mla"
    late = rng.random() < 0.4
    head()
    d.add(Text(purpose if has_purpose and not late else empty, 9))
    # 10. other information
    head()
    if has_purpose and late:
        d.add(Text(purpose, 9))
    else:
        d.add(Text(empty, 9))
    d.add(Text(f"{F['place_date']}: {req.city}, {c.date(req.doc_date)}", 9, gap=0.4))
    d.add(Text(f"{F['sign']}: {req.signer}", 9, gap=0.3), Text(req.title, 9))
    d.footer = D["page"] + " {n}"
    return d


__all__ = ["CF", "CS", "coe_form"]
