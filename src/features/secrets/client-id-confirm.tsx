import { TextField } from '../../components/form/text-field.tsx';

/**
 * Both wizards' last guard before a write: the admin types the client id. A wrong id of full length
 * is called out, so a typo does not read as a disabled button with no reason.
 */
export function ClientIdConfirm(props: { clientId: string; typed: string; onTyped: (v: string) => void }) {
  const { clientId, typed } = props;
  return (
    <TextField
      label={
        <>
          Type the client id <span className="sx-mono">{clientId}</span> to confirm
        </>
      }
      autoComplete="off"
      spellCheck={false}
      value={typed}
      onChange={(e) => props.onTyped(e.target.value)}
      error={
        typed !== '' && typed !== clientId && typed.length >= clientId.length
          ? 'That is not the client id.'
          : undefined
      }
    />
  );
}
