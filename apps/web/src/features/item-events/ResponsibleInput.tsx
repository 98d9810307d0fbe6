import { AutoComplete, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { type OrganisationPersonResponse } from '../../api/rectify-api';
import { POSITION_KIND_LABELS } from '../../api/generated/vocabulary';

interface Props {
  /** The name as shown (Form.Item's value). */
  value?: string;
  onChange?: (name: string) => void;
  people: readonly OrganisationPersonResponse[];
  /** The picked person's id, or null once the name is typed by hand. */
  onPick: (userId: string | null) => void;
  loading?: boolean;
}

interface PersonOption {
  value: string;
  label: React.ReactNode;
  person: OrganisationPersonResponse;
}

const positionsOf = (p: OrganisationPersonResponse) =>
  p.positions.map((k) => POSITION_KIND_LABELS[k]).join('、');

/**
 * 责任人: a name typed freely (someone without an account) or a person of the organisation
 * picked from the list, which then sends their id. Options are keyed by id, so two people of the
 * same name stay apart; the field always shows the name.
 */
export function ResponsibleInput({ value, onChange, people, onPick, loading }: Props) {
  const options = useMemo<PersonOption[]>(
    () =>
      people.map((person) => ({
        value: person.id,
        person,
        label: (
          <span data-testid="responsible-option">
            {person.displayName}
            {person.positions.length > 0 && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {positionsOf(person)}
              </Typography.Text>
            )}
          </span>
        ),
      })),
    [people],
  );
  return (
    <AutoComplete<string, PersonOption>
      value={value}
      options={options}
      // Typing filters by name; an empty field lists everyone.
      filterOption={(input, option) => !!option && option.person.displayName.includes(input.trim())}
      onChange={(text, option) => {
        const picked = option && !Array.isArray(option) && 'person' in option ? option.person : null;
        onChange?.(picked ? picked.displayName : text);
        onPick(picked ? picked.id : null);
      }}
      popupMatchSelectWidth
      style={{ width: '100%' }}
    >
      <Input
        maxLength={50}
        allowClear
        placeholder={loading ? '正在读取本组织人员…' : '选择本组织人员，或直接填写姓名'}
        data-testid="measure-responsible"
      />
    </AutoComplete>
  );
}
