import { itemsWorld } from '../testing/items-world';
import { TransitionItemUseCase } from './transition-item.usecase';

const ZHANG = '00000000-0000-4000-8000-000000000201';
const WANG_OF_B = '00000000-0000-4000-8000-000000000202';

/** 甲村 (/town/a/) has 张三 among its people; 王五 belongs to 乙村 (/town/b/). */
function world() {
  const w = itemsWorld();
  w.items.addMember('/town/a/', ZHANG, '张三');
  w.items.addMember('/town/b/', WANG_OF_B, '王五');
  const setMeasures = (measures: Record<string, unknown>[]) =>
    new TransitionItemUseCase(w.items).execute({
      itemId: w.item.id,
      event: 'SET_MEASURES',
      payload: { measures },
      actorUserId: w.secretary.userId,
    });
  return { ...w, setMeasures };
}

describe('a measure’s picked 责任人', () => {
  it('accepts a person of the item’s organisation and stores the measure as given', async () => {
    const { items, item, setMeasures } = world();
    const measures = [
      { title: '建立学习制度', responsible: '张三', responsibleUserId: ZHANG, deadline: '2026-06-30' },
    ];
    await setMeasures(measures);
    expect(items.measuresOf(item.id)).toEqual(measures);
    expect(items.history[0].payload).toEqual({ measures });
  });

  it('accepts free text for someone without an account', async () => {
    const { items, item, setMeasures } = world();
    await setMeasures([{ title: '建立学习制度', responsible: '老党员李四', deadline: '2026-06-30' }]);
    expect(items.item(item.id)?.status).toBe('measures_set');
  });

  it('refuses a person of another organisation, naming the measure, and writes nothing', async () => {
    const { items, item, setMeasures } = world();
    await expect(
      setMeasures([
        { title: '建立学习制度', responsible: '张三', responsibleUserId: ZHANG, deadline: '2026-06-30' },
        { title: '开展专题学习', responsible: '王五', responsibleUserId: WANG_OF_B, deadline: '2026-06-30' },
      ]),
    ).rejects.toMatchObject({
      code: 'RESPONSIBLE_NOT_IN_ORGANISATION',
      message: '第2条整改措施的责任人"王五"不是本组织人员：请从本组织人员中选择，或直接填写姓名。',
      details: { measure: 2, responsibleUserId: WANG_OF_B },
    });
    expect(items.item(item.id)).toMatchObject({ status: 'identified', version: 1 });
    expect(items.history).toEqual([]);
    expect(items.measuresOf(item.id)).toBeUndefined();
  });

  it('refuses an id that names nobody (or an inactive person, whom the repository leaves out)', async () => {
    const { setMeasures, unknownId } = world();
    await expect(
      setMeasures([
        { title: '建立学习制度', responsible: '赵六', responsibleUserId: unknownId, deadline: '2026-06-30' },
      ]),
    ).rejects.toMatchObject({ code: 'RESPONSIBLE_NOT_IN_ORGANISATION' });
  });

  it('leaves the machine’s own refusals first: a sender who may not plan hears that', async () => {
    const { items, item, townSupervisor } = world();
    await expect(
      new TransitionItemUseCase(items).execute({
        itemId: item.id,
        event: 'SET_MEASURES',
        payload: {
          measures: [
            { title: '建立', responsible: '王五', responsibleUserId: WANG_OF_B, deadline: '2026-06-30' },
          ],
        },
        actorUserId: townSupervisor.userId,
      }),
    ).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
  });
});
