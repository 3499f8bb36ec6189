import { describe, expect, it } from 'vitest';
import { editorSchema } from '../editor/extensions.ts';
import { notesTemplate, templateClientId } from './notes-template.ts';

const labels = {
	chair: 'Chair',
	resourcePersons: 'Resource persons',
	keyPoints: 'Key points',
	recommendations: 'Recommendations'
};

describe('notes template', () => {
	it('is a valid document in the editor schema with the session, people and sections', () => {
		const json = notesTemplate({
			title: ' Closing plenary ',
			chairs: ['Ana Rusu'],
			resourcePersons: ['Elena Radu', ' ', 'Alison Grant'],
			labels
		});
		const doc = editorSchema().nodeFromJSON(json);
		doc.check();
		expect(doc.content.content.map((node) => [node.type.name, node.textContent])).toEqual([
			['heading', 'Closing plenary'],
			['paragraph', 'Chair: Ana Rusu'],
			['paragraph', 'Resource persons: Elena Radu, Alison Grant'],
			['heading', 'Key points'],
			['bulletList', ''],
			['heading', 'Recommendations'],
			['bulletList', '']
		]);
	});

	it('leaves out people lines nobody fills', () => {
		const doc = editorSchema().nodeFromJSON(notesTemplate({ title: 'T', chairs: [], resourcePersons: [], labels }));
		expect(doc.childCount).toBe(5);
	});

	it('writes under one client id per session, the same on every instance', () => {
		const id = templateClientId('50000000-0000-4000-8000-000000001817');
		expect(id).toBe(templateClientId('50000000-0000-4000-8000-000000001817'));
		expect(id).not.toBe(templateClientId('50000000-0000-4000-8000-000000001816'));
		expect(Number.isInteger(id) && id >= 0 && id < 2 ** 32).toBe(true);
	});
});
