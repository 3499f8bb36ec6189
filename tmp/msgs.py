import json
L = ['en','ro','ru']
def t(en, ro, ru): return {'en':en,'ro':ro,'ru':ru}
M = {
 'languageName': t('{language, select, en {English} ro {Romanian} ru {Russian} other {}}','{language, select, en {engleză} ro {română} ru {rusă} other {}}','{language, select, en {английский} ro {румынский} ru {русский} other {}}'),
 'languages': t('Language of the text','Limba textului','Язык текста'),
 'open': t('Open the text','Deschideți textul','Открыть текст'),
 'editorLabel': t('Text of the Call to Action in {language, select, en {English} ro {Romanian} ru {Russian} other {}}','Textul Apelului la acțiune în {language, select, en {engleză} ro {română} ru {rusă} other {}}','Текст Призыва к действию ({language, select, en {английский} ro {румынский} ru {русский} other {}})'),
 'emptyText': t('The text is empty so far.','Textul este gol deocamdată.','Текст пока пуст.'),
 'sideBySide': t('Translations side by side','Traducerile în paralel','Переводы рядом с оригиналом'),
 'versionsLink': t('Versions and comparison','Versiuni și comparare','Версии и сравнение'),
 'download': t('Download','Descărcare','Скачать'),
 'downloadAs': t('{format} in {language, select, en {English} ro {Romanian} ru {Russian} other {all three languages}}','{format} în {language, select, en {engleză} ro {română} ru {rusă} other {toate cele trei limbi}}','{format}: {language, select, en {английский} ro {румынский} ru {русский} other {все три языка}}'),
 'editingHelp': t('Edits are saved as you type and appear on everyone’s screen.','Modificările se salvează pe măsură ce scrieți și apar pe ecranul tuturor.','Изменения сохраняются по мере ввода и сразу видны всем участникам.'),
 'readOnlyHelp': t('The text is read-only at this stage.','În această etapă textul poate fi doar citit.','На этом этапе текст доступен только для чтения.'),
 'amendmentHelp': t('The text is read-only in amendment mode: propose an amendment to a paragraph instead.','În etapa amendamentelor textul poate fi doar citit: propuneți în schimb un amendament la un paragraf.','На этапе поправок текст доступен только для чтения: предложите поправку к пункту.'),
 'signInToEdit': t('Sign in to take part in drafting.','Autentificați-vă pentru a participa la redactare.','Войдите в систему, чтобы участвовать в подготовке текста.'),
 'mode': {
   'title': t('Stage of the document','Etapa documentului','Этап работы над документом'),
   'moveTo': t('Move to “{stage}”','Treceți la „{stage}”','Перейти к этапу «{stage}»'),
   'changed': t('The stage has changed.','Etapa a fost schimbată.','Этап изменен.'),
 },
 'version': {
   'save': t('Save a version','Salvați o versiune','Сохранить версию'),
   'name': t('Version name','Denumirea versiunii','Название версии'),
   'nameHint': t('For example “End of Day 2”.','De exemplu, „Sfârșitul zilei a 2-a”.','Например, «Итоги второго дня».'),
   'saved': t('The version has been saved.','Versiunea a fost salvată.','Версия сохранена.'),
 },
 'drift': {
   'summary': t('{outdated, plural, one {# outdated} other {# outdated}} · {missing, plural, one {# missing} other {# missing}}','{outdated, plural, one {# neactualizat} few {# neactualizate} other {# neactualizate}} · {missing, plural, one {# lipsă} few {# lipsă} other {# lipsă}}','{outdated, plural, one {# устарел} few {# устарели} many {# устарели} other {# устарели}} · {missing, plural, one {# отсутствует} few {# отсутствуют} many {# отсутствуют} other {# отсутствуют}}'),
   'title': t('Translations','Traduceri','Переводы'),
   'ok': t('Up to date','Actualizat','Актуален'),
   'outdated': t('Outdated','Neactualizat','Устарел'),
   'missing': t('Missing','Lipsește','Отсутствует'),
   'extra': t('Only in this translation','Doar în această traducere','Только в этом переводе'),
   'masterChanged': t('What changed in the master text since this paragraph was translated:','Ce s-a schimbat în textul de referință de când a fost tradus acest paragraf:','Что изменилось в тексте оригинала с момента перевода этого пункта:'),
   'sourceUnknown': t('This paragraph has not been confirmed against the master text yet.','Acest paragraf nu a fost încă confirmat față de textul de referință.','Этот пункт еще не сверен с текстом оригинала.'),
   'confirm': t('Mark as up to date','Marcați ca actualizat','Отметить как актуальный'),
   'confirmed': t('The paragraph is marked as up to date.','Paragraful este marcat ca actualizat.','Пункт отмечен как актуальный.'),
   'start': t('Start from the master text','Porniți de la textul de referință','Начать с текста оригинала'),
   'started': t('The master text has been copied into the translation: translate it, then mark it as up to date.','Textul de referință a fost copiat în traducere: traduceți-l, apoi marcați-l ca actualizat.','Текст оригинала скопирован в перевод: переведите его и отметьте как актуальный.'),
   'allUpToDate': t('Every paragraph is translated and up to date.','Toate paragrafele sunt traduse și actualizate.','Все пункты переведены и актуальны.'),
   'heading': t('{language, select, en {English} ro {Romanian} ru {Russian} other {}} beside the master text','{language, select, en {Engleza} ro {Româna} ru {Rusa} other {}} alături de textul de referință','{language, select, en {Английский} ro {Румынский} ru {Русский} other {}} рядом с текстом оригинала'),
   'master': t('Master text','Textul de referință','Текст оригинала'),
   'translation': t('Translation','Traducere','Перевод'),
   'editTranslation': t('Edit this translation','Editați această traducere','Редактировать этот перевод'),
   'status': t('Status','Stare','Статус'),
 },
 'amend': {
   'title': t('Amendments','Amendamente','Поправки'),
   'none': t('No amendments have been proposed yet.','Nu a fost propus încă niciun amendament.','Поправки пока не предлагались.'),
   'propose': t('Propose an amendment','Propuneți un amendament','Предложить поправку'),
   'paragraph': t('Paragraph','Paragraf','Пункт'),
   'text': t('Proposed text','Textul propus','Предлагаемый текст'),
   'textHint': t('Leave it empty to propose deleting the paragraph.','Lăsați câmpul gol pentru a propune eliminarea paragrafului.','Оставьте поле пустым, чтобы предложить исключить пункт.'),
   'reason': t('Reason','Motivare','Обоснование'),
   'submit': t('Propose the amendment','Propuneți amendamentul','Предложить поправку'),
   'proposed': t('The amendment has been proposed.','Amendamentul a fost propus.','Поправка предложена.'),
   'by': t('Proposed by {name}','Propus de {name}','Предложил(а): {name}'),
   'current': t('Current text','Textul actual','Текущий текст'),
   'deleteProposal': t('Delete the paragraph','Eliminarea paragrafului','Исключить пункт'),
   'endorsements': t('{count, plural, =0 {No endorsements} one {# endorsement} other {# endorsements}}','{count, plural, =0 {Niciun sprijin} one {# sprijin} few {# susțineri} other {# de susțineri}}','{count, plural, =0 {Нет поддержки} one {# голос поддержки} few {# голоса поддержки} many {# голосов поддержки} other {# голоса поддержки}}'),
   'endorse': t('Endorse','Susțineți','Поддержать'),
   'withdraw': t('Withdraw my endorsement','Retrageți susținerea','Отозвать поддержку'),
   'accept': t('Accept','Acceptați','Принять'),
   'reject': t('Reject','Respingeți','Отклонить'),
   'decisionReason': t('Reason for the decision','Motivul deciziei','Причина решения'),
   'decisionReasonHint': t('Required to reject.','Obligatoriu pentru respingere.','Обязательно при отклонении.'),
   'accepted': t('The amendment has been accepted and applied to the text.','Amendamentul a fost acceptat și aplicat textului.','Поправка принята и внесена в текст.'),
   'rejected': t('The amendment has been rejected.','Amendamentul a fost respins.','Поправка отклонена.'),
   'status': {
     'proposed': t('Proposed','Propus','Предложена'),
     'accepted': t('Accepted','Acceptat','Принята'),
     'rejected': t('Rejected','Respins','Отклонена'),
   },
   'decision': t('Decision: {reason}','Decizie: {reason}','Решение: {reason}'),
   'inLanguage': t('Amendment to the {language, select, en {English} ro {Romanian} ru {Russian} other {}} text','Amendament la textul în {language, select, en {engleză} ro {română} ru {rusă} other {}}','Поправка к тексту ({language, select, en {английский} ro {румынский} ru {русский} other {}})'),
 },
 'provenance': {
   'title': t('Where the text came from','De unde provine textul','Откуда взят текст'),
   'from': t('From a recommendation of the session “{session}”','Dintr-o recomandare a sesiunii „{session}”','Из рекомендации сессии «{session}»'),
   'endorsed': t('{count, plural, =0 {not endorsed} one {endorsed by # delegate} other {endorsed by # delegates}}','{count, plural, =0 {nesusținută} one {susținută de # delegat} few {susținută de # delegați} other {susținută de # de delegați}}','{count, plural, =0 {без поддержки} one {поддержал # делегат} few {поддержали # делегата} many {поддержали # делегатов} other {поддержали # делегата}}'),
   'link': t('Link a recommendation to this paragraph','Legați o recomandare de acest paragraf','Связать рекомендацию с этим пунктом'),
   'recommendation': t('Recommendation','Recomandare','Рекомендация'),
   'submit': t('Link','Legați','Связать'),
   'unlink': t('Remove the link','Eliminați legătura','Удалить связь'),
   'linked': t('The recommendation is linked to the paragraph.','Recomandarea a fost legată de paragraf.','Рекомендация связана с пунктом.'),
 },
 'presence': {
   'title': t('Here now','Prezenți acum','Сейчас здесь'),
   'person': t('{name}, editing in {language, select, en {English} ro {Romanian} ru {Russian} other {}}','{name}, editează în {language, select, en {engleză} ro {română} ru {rusă} other {}}','{name}, редактирует ({language, select, en {английский} ro {румынский} ru {русский} other {}})'),
   'alone': t('Nobody else is here.','Nu mai este nimeni aici.','Кроме вас, здесь никого нет.'),
 },
 'versionsPage': {
   'title': t('Versions','Versiuni','Версии'),
   'compare': t('Compare','Comparați','Сравнить'),
   'from': t('From','De la','С'),
   'to': t('To','Până la','По'),
   'live': t('Live text','Textul actual','Текущий текст'),
   'noChanges': t('No differences.','Nicio diferență.','Различий нет.'),
   'summary': t('{changed, plural, one {# paragraph changed} other {# paragraphs changed}}, {added} added, {removed} removed','{changed, plural, one {# paragraf modificat} few {# paragrafe modificate} other {# de paragrafe modificate}}, {added} adăugate, {removed} eliminate','{changed, plural, one {# пункт изменен} few {# пункта изменено} many {# пунктов изменено} other {# пункта изменено}}, добавлено: {added}, удалено: {removed}'),
   'inserted': t('Inserted','Inserat','Вставлено'),
   'deleted': t('Deleted','Șters','Удалено'),
   'change': {
     'added': t('New paragraph','Paragraf nou','Новый пункт'),
     'removed': t('Paragraph removed','Paragraf eliminat','Пункт удален'),
     'changed': t('Changed','Modificat','Изменен'),
   },
   'savedOn': t('Saved on {date}','Salvată la {date}','Сохранена {date}'),
 },
 'exportFile': {
   'version': t('Version: {name}','Versiunea: {name}','Версия: {name}'),
   'liveText': t('Live text as of {date}','Textul actual la {date}','Текущий текст на {date}'),
   'adoptedText': t('Adopted text, {date}','Textul adoptat, {date}','Принятый текст, {date}'),
 },
 'errors': {
   'blockMissing': t('This paragraph no longer exists in the text.','Acest paragraf nu mai există în text.','Этого пункта больше нет в тексте.'),
   'readOnly': t('You cannot change this text at this stage.','Nu puteți modifica acest text în această etapă.','На этом этапе вы не можете изменить этот текст.'),
   'amendmentGone': t('This amendment no longer exists.','Acest amendament nu mai există.','Этой поправки больше нет.'),
   'unavailable': t('The live text could not be reached. Try again in a moment.','Textul în timp real nu a putut fi accesat. Încercați din nou peste câteva momente.','Не удалось получить текущий текст. Повторите попытку через минуту.'),
 },
}
def pick(node, lang):
    if isinstance(node, dict) and set(node.keys()) == set(L): return node[lang]
    return {k: pick(v, lang) for k, v in sorted(node.items())}
for lang in L:
    app = json.load(open(f'src/lib/i18n/locales/{lang}/app.json'))
    cta = app.pop('cta', None)
    out = {}
    try:
        out = json.load(open(f'src/lib/i18n/locales/{lang}/calltoaction.json'))
    except FileNotFoundError:
        pass
    base = out.get('cta', {})
    if cta: base.update(cta)
    base.update(pick(M, lang))
    out['cta'] = dict(sorted(base.items()))
    json.dump(app, open(f'src/lib/i18n/locales/{lang}/app.json','w'), ensure_ascii=False, indent='\t'); open(f'src/lib/i18n/locales/{lang}/app.json','a').write('\n')
    json.dump(out, open(f'src/lib/i18n/locales/{lang}/calltoaction.json','w'), ensure_ascii=False, indent='\t'); open(f'src/lib/i18n/locales/{lang}/calltoaction.json','a').write('\n')
